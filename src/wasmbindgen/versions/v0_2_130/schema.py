"""The program schema "0.2.130" (wasm-bindgen 0.2.130): "0.2.122"'s plus JSPI flags, the
per-monomorphisation import flag and each program's module path."""

from ..v0_2_122.schema import SCHEMA as SCHEMA_0_2_122

SCHEMA = SCHEMA_0_2_122.derive(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[lit] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str module_path:lit package_json:str?
        linked_modules:[LinkedModule]
    ImportFunction = shim:str catch:bool variadic:bool assert_no_shim:bool suspending:bool
        method:MethodData? structural:bool function:Function generic_per_mono:bool
    Function = args:[FunctionArgument] asyncness:bool jspi:bool name:str
        _generate_typescript:bool _generate_jsdoc:bool variadic:bool _ret_ty_override:str?
        _ret_desc:str?
    """
)
