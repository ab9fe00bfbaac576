"""The program schema "0.2.122" (wasm-bindgen 0.2.122-0.2.127): 0.2.83's plus what changed."""

from ..v0_2_83.schema import SCHEMA as SCHEMA_0_2_83

SCHEMA = SCHEMA_0_2_83.derive(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[lit] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str package_json:str? linked_modules:[LinkedModule]
    Import = module:ImportModule? js_namespace:[str]? _reexport:str? _generate_typescript:bool
        kind:ImportKind
    LinkedModule = module:ImportModule link_function_name:str
    ImportKind = Function(ImportFunction) | Static(ImportStatic) | String(ImportString)
        | Type(ImportType) | Enum(StringEnum) | DynamicUnion(DynamicUnion)
    OperationKind = Regular | RegularThis | Getter(str) | Setter(str) | IndexingGetter
        | IndexingSetter | IndexingDeleter
    ImportString = shim:str string:str
    StringEnum = name:str variant_values:[str] comments:[str] _generate_typescript:bool
        _private:bool js_namespace:[str]?
    StartKind = None | Public | Private
    DynamicUnion = name:str variant_strings:[str] variant_type_cnt:u32 _comments:[str]
        _generate_typescript:bool _private:bool fallback:bool
    Export = class_name:str? comments:[str] consumed:bool function:Function js_namespace:[str]?
        method_kind:MethodKind start:StartKind
    Enum = name:str signed:bool variants:[EnumVariant] comments:[str] _generate_typescript:bool
        js_namespace:[str]? _private:bool
    Function = args:[FunctionArgument] asyncness:bool name:str _generate_typescript:bool
        _generate_jsdoc:bool variadic:bool _ret_ty_override:str? _ret_desc:str?
    FunctionArgument = name:str _ty_override:str? optional:bool _desc:str?
    Struct = name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]? _private:bool extends:str?
        extends_js_class:str? extends_js_namespace:[str]?
    StructField = name:str readonly:bool comments:[str] _generate_typescript:bool
        _generate_jsdoc:bool
    LocalModule = identifier:str contents:str linked_module:bool
    """
)
