/* The module `wasmbindgen.runtime._native`.
 */
#include "native.h"

static PyMethodDef module_methods[] = {
    {"bind_api", (PyCFunction)(void (*)(void))bind_api, METH_FASTCALL,
     "bind_api(call_unchecked, trap_new, memory_data, memory_data_size): C API addresses"},
    {"tick_engine", (PyCFunction)(void (*)(void))tick_engine, METH_FASTCALL,
     "tick_engine(increment_epoch, engine, seconds): advance engine's epoch every tick"},
    {"after_fork", (PyCFunction)after_fork, METH_NOARGS,
     "after_fork(): restart the epoch ticker in a forked child"},
    {"stop_ticker", (PyCFunction)stop_ticker, METH_NOARGS,
     "stop_ticker(): no more ticks (at exit, before the engines are freed)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT, "_native",
    "wasmbindgen's compiled boundary (optional; the pure-Python path is the reference)", -1,
    module_methods,
};

PyMODINIT_FUNC PyInit__native(void) {
    if (PyType_Ready(&BoundaryType) < 0 || PyType_Ready(&DirectExportType) < 0 ||
        PyType_Ready(&HostEntryType) < 0 || PyType_Ready(&HeapType) < 0)
        return NULL;
    if (host_init() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&native_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Boundary", (PyObject *)&BoundaryType) < 0 ||
        PyModule_AddObjectRef(m, "Heap", (PyObject *)&HeapType) < 0 ||
        PyModule_AddStringConstant(m, "WASMTIME_VERSION", WB_WASMTIME_VERSION) < 0 ||
        PyModule_AddIntConstant(m, "ABI_VERSION", ABI_VERSION) < 0 ||
        PyModule_AddIntConstant(m, "JS_CALL", JS_CALL) < 0 ||
        PyModule_AddIntConstant(m, "JS_CALL_CATCH", JS_CALL_CATCH) < 0 ||
        PyModule_AddObject(m, "HOST_TRAMPOLINE", PyLong_FromVoidPtr((void *)host_trampoline)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

