"""The program schema of wasm-bindgen 0.2.83 (``shared_api!`` in wasm-bindgen-shared 0.2.83)."""

from ...schema import Schema
from ...schema.program import ENUMS, STRUCTS

SCHEMA = Schema.parse(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[str] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str package_json:str?
    Import = module:ImportModule? js_namespace:[str]? kind:ImportKind
    ImportModule = Named(str) | RawNamed(str) | Inline(u32)
    ImportKind = Function(ImportFunction) | Static(ImportStatic) | Type(ImportType)
        | Enum(ImportEnum)
    ImportFunction = shim:str catch:bool variadic:bool assert_no_shim:bool method:MethodData?
        structural:bool function:Function
    MethodData = class_name:str kind:MethodKind
    MethodKind = Constructor | Operation(Operation)
    Operation = is_static:bool kind:OperationKind
    OperationKind = Regular | Getter(str) | Setter(str) | IndexingGetter | IndexingSetter
        | IndexingDeleter
    ImportStatic = name:str shim:str
    ImportType = name:str instanceof_shim:str vendor_prefixes:[str]
    ImportEnum =
    Export = class_name:str? comments:[str] consumed:bool function:Function
        method_kind:MethodKind start:bool
    Enum = name:str variants:[EnumVariant] comments:[str] _generate_typescript:bool
    EnumVariant = name:str value:u32 comments:[str]
    Function = args:[ArgumentName] asyncness:bool name:str _generate_typescript:bool
        variadic:bool
    ArgumentName = name:str
    Struct = name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool
    StructField = name:str readonly:bool comments:[str] _generate_typescript:bool
    LocalModule = identifier:str contents:str
    """,
    STRUCTS,
    ENUMS,
)
