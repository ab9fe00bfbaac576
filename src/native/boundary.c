/* Boundary: one instance's store and call buffer; calls into wasm, strings in and out.
 */
#include "native.h"

static int check_slots(Boundary *b, Py_ssize_t nargs) {
    if (nargs < 0 || (size_t)nargs > b->capacity) {
        PyErr_Format(PyExc_ValueError, "a call with %zd values does not fit the call buffer "
                     "(%zu slots)", nargs, b->capacity);
        return 0;
    }
    return 1;
}

/* One call with its arguments in buf, the GIL released meanwhile whenever another Python
 * thread exists (per-thread instances run in parallel; the epoch ticker is a native thread).
 * -1: the exception is set (through `failed`, which builds it as engine.py does). */
int call_into(Boundary *b, const void *func) {
    if (b->failed == NULL || b->poisoned == NULL) {  /* cleared by the GC, or never set up */
        PyErr_SetString(PyExc_RuntimeError, "wasmbindgen: the instance is gone");
        return -1;
    }
    if (b->poisoned != Py_None) {
        PyErr_SetObject(b->rust_panic, b->poisoned);
        return -1;
    }
    void *error;
    *b->trap = NULL;
    if (others_may_run()) {
        PyThreadState *state = PyEval_SaveThread();
        error = api_call(b->ctx, func, b->buf, b->capacity, b->trap);
        PyEval_RestoreThread(state);
    } else {  /* the only Python thread: releasing the GIL would cost a third of the call */
        error = api_call(b->ctx, func, b->buf, b->capacity, b->trap);
    }
    if (error == NULL && *b->trap == NULL)
        return 0;
    PyObject *err = PyLong_FromVoidPtr(error);
    if (err == NULL)
        return -1;
    PyObject *r = PyObject_CallOneArg(b->failed, err);
    Py_DECREF(err);
    if (r != NULL) {  /* `failed` always raises; if it did not, say so rather than continue */
        Py_DECREF(r);
        PyErr_SetString(PyExc_SystemError, "wasmbindgen: a failed wasm call raised nothing");
    }
    return -1;
}

static int Boundary_init(Boundary *self, PyObject *args, PyObject *kwds) {
    static char *names[] = {"ctx", "buffer", "capacity", "trap", "failed", "rust_panic",
                            "deferred", "owner", "source", NULL};
    PyObject *ctx, *buffer, *trap, *failed, *rust_panic, *deferred, *owner, *source;
    Py_ssize_t capacity;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOnOOOOOU", names, &ctx, &buffer, &capacity,
                                     &trap, &failed, &rust_panic, &deferred, &owner, &source))
        return -1;
    if (!api_ready())
        return -1;
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_WRITABLE | PyBUF_SIMPLE) < 0)
        return -1;
    Py_ssize_t length = view.len;
    void *data = view.buf;
    PyBuffer_Release(&view);
    if (capacity <= 0 || capacity > length / SLOT) {
        PyErr_SetString(PyExc_ValueError, "Boundary: capacity exceeds the buffer");
        return -1;
    }
    if (!PyList_Check(deferred) || !PyCallable_Check(failed)) {
        PyErr_SetString(PyExc_TypeError, "Boundary: deferred must be a list, failed callable");
        return -1;
    }
    self->ctx = address_of(ctx);
    self->trap = (void **)address_of(trap);
    self->owner = PyLong_AsUnsignedLong(owner);
    if (PyErr_Occurred())
        return -1;
    if (!self->ctx || !self->trap) {
        PyErr_SetString(PyExc_ValueError, "Boundary: a NULL store or trap address");
        return -1;
    }
    self->buf = (slot_t *)data;
    self->capacity = (size_t)capacity;
    Py_XSETREF(self->buffer, Py_NewRef(buffer));
    Py_XSETREF(self->failed, Py_NewRef(failed));
    Py_XSETREF(self->rust_panic, Py_NewRef(rust_panic));
    Py_XSETREF(self->deferred, Py_NewRef(deferred));
    Py_XSETREF(self->poisoned, Py_NewRef(Py_None));
    Py_XSETREF(self->source, Py_NewRef(source));
    return 0;
}

static int Boundary_traverse(Boundary *self, visitproc visit, void *arg) {
    Py_VISIT(self->buffer);
    Py_VISIT(self->failed);
    Py_VISIT(self->rust_panic);
    Py_VISIT(self->poisoned);
    Py_VISIT(self->deferred);
    Py_VISIT(self->source);
    return 0;
}

static int Boundary_clear(Boundary *self) {
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->failed);
    Py_CLEAR(self->rust_panic);
    Py_CLEAR(self->poisoned);
    Py_CLEAR(self->deferred);
    Py_CLEAR(self->source);
    return 0;
}

static void Boundary_dealloc(Boundary *self) {
    PyObject_GC_UnTrack(self);
    Boundary_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* invoke(func, nargs): call with the arguments already packed into the buffer. */
static PyObject *Boundary_invoke(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    if (n != 2) {
        PyErr_SetString(PyExc_TypeError, "invoke(func, nargs)");
        return NULL;
    }
    const void *func = address_of(args[0]);
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "invoke: a NULL function");
        return NULL;
    }
    Py_ssize_t nargs = PyLong_AsSsize_t(args[1]);
    if ((nargs == -1 && PyErr_Occurred()) || !check_slots(self, nargs))
        return NULL;
    if (call_into(self, func) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* The module's malloc/free, through the call buffer (as the glue's own calls use it). */
static int call_malloc(Boundary *b, size_t size, size_t align, uint32_t *ptr) {
    uint32_t words[2] = {(uint32_t)size, (uint32_t)align};
    memset(b->buf, 0, 2 * SLOT);
    memcpy(&b->buf[0], &words[0], 4);
    memcpy(&b->buf[1], &words[1], 4);
    if (call_into(b, b->malloc_ref) < 0)
        return -1;
    memcpy(ptr, &b->buf[0], 4);
    return 0;
}

static int call_free(Boundary *b, uint32_t ptr, size_t size, size_t align) {
    if (size == 0)
        return 0;
    uint32_t words[3] = {ptr, (uint32_t)size, (uint32_t)align};
    for (int i = 0; i < 3; i++)
        memcpy(&b->buf[i], &words[i], 4);
    return call_into(b, b->free_ref);
}

/* [ptr, ptr + size) inside linear memory, or an exception saying where it is not. */
static uint8_t *memory_span(Boundary *b, uint64_t ptr, uint64_t size) {
    if (b->memory == NULL || b->rust_panic == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Boundary: set_memory() was not called");
        return NULL;
    }
    size_t total = api_memory_data_size(b->ctx, b->memory);
    if (ptr + size > total) {  /* as engine.py words it */
        char end[24];  /* PyErr_Format has no %llx before Python 3.12 */
        snprintf(end, sizeof end, "%#llx", (unsigned long long)(ptr + size));
        PyErr_Format(b->rust_panic, "%U: access to %s is outside linear memory", b->source, end);
        return NULL;
    }
    return api_memory_data(b->ctx, b->memory) + ptr;
}

static PyObject *Boundary_set_memory(Boundary *self, PyObject *memory) {
    const void *m = address_of(memory);
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "set_memory: a NULL memory");
        return NULL;
    }
    self->memory = m;
    Py_RETURN_NONE;
}

/* set_allocator(malloc, free). Both are called with the alignment as well: the releases
 * before 0.2.87, whose functions take one argument less, ignore the extra slot. */
static PyObject *Boundary_set_allocator(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    if (n != 2) {
        PyErr_SetString(PyExc_TypeError, "set_allocator(malloc, free)");
        return NULL;
    }
    const void *m = address_of(args[0]), *f = address_of(args[1]);
    if (m == NULL || f == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "set_allocator: a NULL function");
        return NULL;
    }
    self->malloc_ref = m;
    self->free_ref = f;
    Py_RETURN_NONE;
}

static int allocator_ready(Boundary *b) {
    if (b->malloc_ref == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Boundary: set_allocator() was not called");
        return 0;
    }
    return 1;
}

/* pass_utf8(text) -> (ptr, size), or None when `text` is not a str encodable as UTF-8 as is
 * (the Python twin then raises or replaces lone surrogates as TextEncoder does). */
static PyObject *Boundary_pass_utf8(Boundary *self, PyObject *text) {
    if (!allocator_ready(self))
        return NULL;
    if (!PyUnicode_Check(text))
        Py_RETURN_NONE;
    Py_ssize_t size;
    const char *data = PyUnicode_AsUTF8AndSize(text, &size);
    if (data == NULL) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    if ((uint64_t)size > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "a string over 4 GiB cannot enter wasm32 memory");
        return NULL;
    }
    uint32_t ptr;
    if (call_malloc(self, (size_t)size, 1, &ptr) < 0)
        return NULL;
    if (size) {
        /* the call may have grown memory: look the span up afterwards */
        uint8_t *target = memory_span(self, ptr, (uint64_t)size);
        if (target == NULL)
            return NULL;
        memcpy(target, data, (size_t)size);
    }
    return Py_BuildValue("(kn)", (unsigned long)ptr, size);
}

static int span_args(PyObject *const *args, Py_ssize_t n, uint64_t *ptr, uint64_t *size,
                     const char *what) {
    if (n != 2) {
        PyErr_Format(PyExc_TypeError, "%s(ptr, size)", what);
        return 0;
    }
    *ptr = PyLong_AsUnsignedLongLong(args[0]);
    if (PyErr_Occurred())
        return 0;
    *size = PyLong_AsUnsignedLongLong(args[1]);
    if (PyErr_Occurred())
        return 0;
    if (*ptr > UINT32_MAX || *size > UINT32_MAX) {
        PyErr_Format(PyExc_ValueError, "%s: %llu bytes at %llu are not a wasm32 span", what,
                     (unsigned long long)*size, (unsigned long long)*ptr);
        return 0;
    }
    return 1;
}

/* The UTF-8 at [ptr, ptr + size) of linear memory as a str (strict, as the Python twin). */
static PyObject *decode_span(Boundary *self, uint64_t ptr, uint64_t size) {
    uint8_t *data = memory_span(self, ptr, size);
    if (data == NULL)
        return NULL;
    return PyUnicode_DecodeUTF8((const char *)data, (Py_ssize_t)size, NULL);
}

/* read_str(ptr, size) -> str: decode in place. */
static PyObject *Boundary_read_str(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    uint64_t ptr, size;
    if (!span_args(args, n, &ptr, &size, "read_str"))
        return NULL;
    return decode_span(self, ptr, size);
}

/* take_str(ptr, size) -> str: decode in place, then free the allocation. */
static PyObject *Boundary_take_str(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    uint64_t ptr, size;
    if (!allocator_ready(self) || !span_args(args, n, &ptr, &size, "take_str"))
        return NULL;
    PyObject *text = decode_span(self, ptr, size);
    if (text == NULL)
        return NULL;
    if (call_free(self, (uint32_t)ptr, (size_t)size, 1) < 0) {
        Py_DECREF(text);
        return NULL;
    }
    return text;
}

static PyMethodDef Boundary_methods[] = {
    {"invoke", (PyCFunction)(void (*)(void))Boundary_invoke, METH_FASTCALL,
     "invoke(func, nargs): call with the arguments already in the call buffer"},
    {"set_memory", (PyCFunction)Boundary_set_memory, METH_O,
     "set_memory(memory): the module's wasmtime_memory_t, for bounds checks"},
    {"set_allocator", (PyCFunction)(void (*)(void))Boundary_set_allocator, METH_FASTCALL,
     "set_allocator(malloc, free): the module's __wbindgen_malloc/free"},
    {"pass_utf8", (PyCFunction)Boundary_pass_utf8, METH_O,
     "pass_utf8(text) -> (ptr, size), or None for the Python path"},
    {"read_str", (PyCFunction)(void (*)(void))Boundary_read_str, METH_FASTCALL,
     "read_str(ptr, size) -> str"},
    {"take_str", (PyCFunction)(void (*)(void))Boundary_take_str, METH_FASTCALL,
     "take_str(ptr, size) -> str, freeing the allocation"},
    {"export", (PyCFunction)Boundary_export, METH_VARARGS,
     "export(func, params, result, fallback) -> a callable making the whole call in C"},
    {"host", (PyCFunction)Boundary_host, METH_VARARGS,
     "host(handler, params, result, finish, failed) -> HostEntry"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Boundary_members[] = {
    {"poisoned", T_OBJECT, offsetof(Boundary, poisoned), 0,
     "None, or why the instance refuses further calls"},
    {"host_depth", T_INT, offsetof(Boundary, host_depth), 0, "host functions running"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject BoundaryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wasmbindgen.runtime._native.Boundary",
    .tp_doc = "One instance's store and call buffer, called from C",
    .tp_basicsize = sizeof(Boundary),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Boundary_init,
    .tp_dealloc = (destructor)Boundary_dealloc,
    .tp_traverse = (traverseproc)Boundary_traverse,
    .tp_clear = (inquiry)Boundary_clear,
    .tp_methods = Boundary_methods,
    .tp_members = Boundary_members,
};
