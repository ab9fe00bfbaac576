/* wasmtime's C API, reached through the addresses runtime/native.py passes in.
 */
#include "native.h"

call_unchecked_fn api_call;
trap_new_fn api_trap_new;
memory_data_fn api_memory_data;
memory_data_size_fn api_memory_data_size;

void *address_of(PyObject *value) {
    return PyLong_AsVoidPtr(value);  /* NULL with an exception set on a bad value */
}

PyObject *bind_api(PyObject *module, PyObject *const *args, Py_ssize_t n) {
    if (n != 4) {
        PyErr_SetString(PyExc_TypeError,
                        "bind_api(call_unchecked, trap_new, memory_data, memory_data_size)");
        return NULL;
    }
    void *found[4];
    for (int i = 0; i < 4; i++) {
        found[i] = address_of(args[i]);
        if (found[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "bind_api: a C API address is NULL");
            return NULL;
        }
    }
    api_call = (call_unchecked_fn)found[0];
    api_trap_new = (trap_new_fn)found[1];
    api_memory_data = (memory_data_fn)found[2];
    api_memory_data_size = (memory_data_size_fn)found[3];
    Py_RETURN_NONE;
}

int api_ready(void) {
    if (api_call == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "wasmbindgen._native: bind_api() was not called");
        return 0;
    }
    return 1;
}
