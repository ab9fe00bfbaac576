/* The compiled boundary: the hot crossings between Python and wasm, in C.
 *
 * It calls wasmtime's C API through the library the `wasmtime` wheel ships; the Python side
 * hands it the functions' addresses (`bind_api`), so nothing links against wasmtime at build
 * time. Everything here has a pure-Python twin in engine.py/memory.py/heap.py, which stays the
 * reference: whenever a value is not of the plain kind this file handles (a non-int for a u32,
 * a lone surrogate in a str, a poisoned instance, another thread, keyword arguments...), the
 * call is handed to the Python twin, so errors and edge cases behave identically.
 *
 * Values travel in wasmtime_val_raw_t slots: 16 bytes each, little-endian (x86-64, aarch64).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "wasmtime_val_raw_t slots are read as little-endian values"
#endif

#ifndef WB_WASMTIME_VERSION
#define WB_WASMTIME_VERSION "unknown"
#endif

#define ABI_VERSION 1     /* bumped when the contract with engine.py changes */
#define SLOT 16
#define MAX_HOST_ARGS 32  /* wasm-bindgen imports take far fewer; more go to the Python twin */

typedef struct { unsigned char bytes[SLOT]; } slot_t;

/* -- wasmtime's C API, by address ------------------------------------------------------------ */

typedef void *(*call_unchecked_fn)(void *ctx, const void *func, slot_t *args, size_t len,
                                   void **trap);
typedef void *(*trap_new_fn)(const char *message, size_t len);
typedef uint8_t *(*memory_data_fn)(const void *ctx, const void *memory);
typedef size_t (*memory_data_size_fn)(const void *ctx, const void *memory);

static call_unchecked_fn api_call;
static trap_new_fn api_trap_new;
static memory_data_fn api_memory_data;
static memory_data_size_fn api_memory_data_size;

static void *address_of(PyObject *value) {
    return PyLong_AsVoidPtr(value);  /* NULL with an exception set on a bad value */
}

static PyObject *bind_api(PyObject *module, PyObject *const *args, Py_ssize_t n) {
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

static int api_ready(void) {
    if (api_call == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "wasmbindgen._native: bind_api() was not called");
        return 0;
    }
    return 1;
}

/* -- value codes: one letter per slot, as the `struct` module spells it ----------------------
 * Arguments into wasm: b B h H i I q Q (range-checked integers), f d (floats), ? (bool).
 * Results out of wasm: i I q Q f d, ? (nonzero), '-' none.
 */

static int valid_codes(const char *codes, const char *allowed, const char *what) {
    for (const char *c = codes; *c; c++) {
        if (strchr(allowed, *c) == NULL) {
            PyErr_Format(PyExc_ValueError, "%s: unknown value code '%c'", what, *c);
            return 0;
        }
    }
    return 1;
}

/* Python value -> slot; 0 (no exception set) when the value is not of the plain kind. */
static int store_value(char code, PyObject *value, slot_t *slot) {
    if (code == 'f' || code == 'd') {
        double d;
        if (PyFloat_CheckExact(value))
            d = PyFloat_AS_DOUBLE(value);
        else if (PyLong_CheckExact(value)) {
            d = PyLong_AsDouble(value);
            if (d == -1.0 && PyErr_Occurred()) {
                PyErr_Clear();
                return 0;
            }
        } else
            return 0;
        if (code == 'd') {
            memcpy(slot, &d, 8);
            return 1;
        }
        float f = (float)d;
        if (isinf(f) && !isinf(d))
            return 0;  /* struct raises OverflowError here: the Python twin says so */
        memcpy(slot, &f, 4);
        return 1;
    }
    if (code == '?') {
        int32_t b;
        if (value == Py_True)
            b = 1;
        else if (value == Py_False)
            b = 0;
        else
            return 0;
        memcpy(slot, &b, 4);
        return 1;
    }
    if (!PyLong_Check(value))  /* ints and bools, as struct takes them */
        return 0;
    if (code == 'Q') {
        unsigned long long u = PyLong_AsUnsignedLongLong(value);
        if (u == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 0;
        }
        memcpy(slot, &u, 8);
        return 1;
    }
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || (x == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return 0;
    }
    long long lo, hi;
    switch (code) {
    case 'b': lo = INT8_MIN; hi = INT8_MAX; break;
    case 'B': lo = 0; hi = UINT8_MAX; break;
    case 'h': lo = INT16_MIN; hi = INT16_MAX; break;
    case 'H': lo = 0; hi = UINT16_MAX; break;
    case 'i': lo = INT32_MIN; hi = INT32_MAX; break;
    case 'I': lo = 0; hi = UINT32_MAX; break;
    case 'q': memcpy(slot, &x, 8); return 1;
    default: return 0;
    }
    if (x < lo || x > hi)
        return 0;
    int32_t word = (int32_t)(uint32_t)x;  /* sub-32-bit values travel as an i32 */
    memcpy(slot, &word, 4);
    return 1;
}

/* slot -> Python value (new reference), by result code. */
static PyObject *load_value(char code, const slot_t *slot) {
    int32_t i; uint32_t u; int64_t q; uint64_t uq; float f; double d;
    switch (code) {
    case 'i': memcpy(&i, slot, 4); return PyLong_FromLong(i);
    case 'I': memcpy(&u, slot, 4); return PyLong_FromUnsignedLong(u);
    case 'q': memcpy(&q, slot, 8); return PyLong_FromLongLong(q);
    case 'Q': memcpy(&uq, slot, 8); return PyLong_FromUnsignedLongLong(uq);
    case 'f': memcpy(&f, slot, 4); return PyFloat_FromDouble((double)f);
    case 'd': memcpy(&d, slot, 8); return PyFloat_FromDouble(d);
    case '?': memcpy(&u, slot, 4); return PyBool_FromLong(u != 0);
    default: Py_RETURN_NONE;
    }
}

/* -- Boundary: one instance's store, call buffer and state ------------------------------------ */

typedef struct {
    PyObject_HEAD
    void *ctx;               /* wasmtime_context_t* */
    slot_t *buf;             /* the call buffer generated glue packs into */
    size_t capacity;         /* its length in slots */
    void **trap;             /* where a call's trap pointer goes (engine.py reads it) */
    const void *memory;      /* the module's wasmtime_memory_t */
    PyObject *buffer;        /* owns buf (a ctypes array) */
    PyObject *failed;        /* failed(error) -> raises the call's exception */
    PyObject *rust_panic;    /* RustPanic, for a call on a poisoned instance */
    PyObject *poisoned;      /* None, or why the instance refuses calls */
    PyObject *deferred;      /* the runtime's deferred work: a direct export defers to glue */
    unsigned long owner;     /* the thread that may call in */
    int host_depth;          /* host functions running */
    int release_gil;         /* let other threads run while wasm does */
    const void *malloc_ref, *free_ref;
    int aligned;             /* malloc/free take the alignment too (0.2.87+) */
} Boundary;

static int check_slots(Boundary *b, Py_ssize_t nargs) {
    if (nargs < 0 || (size_t)nargs > b->capacity) {
        PyErr_Format(PyExc_ValueError, "a call with %zd values does not fit the call buffer "
                     "(%zu slots)", nargs, b->capacity);
        return 0;
    }
    return 1;
}

/* One call with its arguments in buf. -1: the exception is set (via `failed`). */
static int call_into(Boundary *b, const void *func) {
    if (b->poisoned != Py_None) {
        PyErr_SetObject(b->rust_panic, b->poisoned);
        return -1;
    }
    void *error;
    *b->trap = NULL;
    if (b->release_gil) {
        PyThreadState *state = PyEval_SaveThread();
        error = api_call(b->ctx, func, b->buf, b->capacity, b->trap);
        PyEval_RestoreThread(state);
    } else {
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
                            "deferred", "owner", "release_gil", NULL};
    PyObject *ctx, *buffer, *trap, *failed, *rust_panic, *deferred, *owner;
    Py_ssize_t capacity;
    int release_gil = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOnOOOOO|p", names, &ctx, &buffer, &capacity,
                                     &trap, &failed, &rust_panic, &deferred, &owner,
                                     &release_gil))
        return -1;
    if (!api_ready())
        return -1;
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_WRITABLE | PyBUF_SIMPLE) < 0)
        return -1;
    Py_ssize_t length = view.len;
    void *data = view.buf;
    PyBuffer_Release(&view);
    if (capacity <= 0 || capacity * SLOT > length) {
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
    self->release_gil = release_gil;
    Py_XSETREF(self->buffer, Py_NewRef(buffer));
    Py_XSETREF(self->failed, Py_NewRef(failed));
    Py_XSETREF(self->rust_panic, Py_NewRef(rust_panic));
    Py_XSETREF(self->deferred, Py_NewRef(deferred));
    Py_XSETREF(self->poisoned, Py_NewRef(Py_None));
    return 0;
}

static int Boundary_traverse(Boundary *self, visitproc visit, void *arg) {
    Py_VISIT(self->buffer);
    Py_VISIT(self->failed);
    Py_VISIT(self->rust_panic);
    Py_VISIT(self->poisoned);
    Py_VISIT(self->deferred);
    return 0;
}

static int Boundary_clear(Boundary *self) {
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->failed);
    Py_CLEAR(self->rust_panic);
    Py_CLEAR(self->poisoned);
    Py_CLEAR(self->deferred);
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
    if (b->memory == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Boundary: set_memory() was not called");
        return NULL;
    }
    size_t total = api_memory_data_size(b->ctx, b->memory);
    if (ptr + size > total) {
        PyErr_Format(b->rust_panic, "access to %#llx is outside linear memory",
                     (unsigned long long)(ptr + size));
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

static PyObject *Boundary_set_allocator(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    if (n != 3) {
        PyErr_SetString(PyExc_TypeError, "set_allocator(malloc, free, aligned)");
        return NULL;
    }
    const void *m = address_of(args[0]), *f = address_of(args[1]);
    int aligned = PyObject_IsTrue(args[2]);
    if (m == NULL || f == NULL || aligned < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "set_allocator: a NULL function");
        return NULL;
    }
    self->malloc_ref = m;
    self->free_ref = f;
    self->aligned = aligned;
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
        PyErr_Format(PyExc_ValueError, "%s: %llu bytes at %#llx are not a wasm32 span", what,
                     (unsigned long long)*size, (unsigned long long)*ptr);
        return 0;
    }
    return 1;
}

/* read_str(ptr, size) -> str: decode UTF-8 in place (strict, as the Python twin). */
static PyObject *Boundary_read_str(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    uint64_t ptr, size;
    if (!span_args(args, n, &ptr, &size, "read_str"))
        return NULL;
    uint8_t *data = memory_span(self, ptr, size);
    if (data == NULL)
        return NULL;
    return PyUnicode_DecodeUTF8((const char *)data, (Py_ssize_t)size, NULL);
}

/* take_str(ptr, size) -> str: read_str, then free the allocation. */
static PyObject *Boundary_take_str(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    if (!allocator_ready(self))
        return NULL;
    PyObject *text = Boundary_read_str(self, args, n);
    if (text == NULL)
        return NULL;
    uint64_t ptr = PyLong_AsUnsignedLongLong(args[0]), size = PyLong_AsUnsignedLongLong(args[1]);
    if (call_free(self, (uint32_t)ptr, (size_t)size, 1) < 0) {
        Py_DECREF(text);
        return NULL;
    }
    return text;
}

static PyObject *Boundary_read_bytes(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    uint64_t ptr, size;
    if (!span_args(args, n, &ptr, &size, "read_bytes"))
        return NULL;
    uint8_t *data = memory_span(self, ptr, size);
    if (data == NULL)
        return NULL;
    return PyBytes_FromStringAndSize((const char *)data, (Py_ssize_t)size);
}

/* write_bytes(ptr, data): copy a buffer into linear memory, bounds-checked. */
static PyObject *Boundary_write_bytes(Boundary *self, PyObject *const *args, Py_ssize_t n) {
    if (n != 2) {
        PyErr_SetString(PyExc_TypeError, "write_bytes(ptr, data)");
        return NULL;
    }
    uint64_t ptr = PyLong_AsUnsignedLongLong(args[0]);
    if (PyErr_Occurred())
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    uint8_t *target = ptr > UINT32_MAX ? NULL : memory_span(self, ptr, (uint64_t)view.len);
    if (target == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "write_bytes: not a wasm32 address");
    if (target != NULL)
        memcpy(target, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    if (target == NULL)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *Boundary_export(Boundary *self, PyObject *args);
static PyObject *Boundary_host(Boundary *self, PyObject *args);

static PyMethodDef Boundary_methods[] = {
    {"invoke", (PyCFunction)(void (*)(void))Boundary_invoke, METH_FASTCALL,
     "invoke(func, nargs): call with the arguments already in the call buffer"},
    {"set_memory", (PyCFunction)Boundary_set_memory, METH_O,
     "set_memory(memory): the module's wasmtime_memory_t, for bounds checks"},
    {"set_allocator", (PyCFunction)(void (*)(void))Boundary_set_allocator, METH_FASTCALL,
     "set_allocator(malloc, free, aligned): the module's __wbindgen_malloc/free"},
    {"pass_utf8", (PyCFunction)Boundary_pass_utf8, METH_O,
     "pass_utf8(text) -> (ptr, size), or None for the Python path"},
    {"read_str", (PyCFunction)(void (*)(void))Boundary_read_str, METH_FASTCALL,
     "read_str(ptr, size) -> str"},
    {"take_str", (PyCFunction)(void (*)(void))Boundary_take_str, METH_FASTCALL,
     "take_str(ptr, size) -> str, freeing the allocation"},
    {"read_bytes", (PyCFunction)(void (*)(void))Boundary_read_bytes, METH_FASTCALL,
     "read_bytes(ptr, size) -> bytes"},
    {"write_bytes", (PyCFunction)(void (*)(void))Boundary_write_bytes, METH_FASTCALL,
     "write_bytes(ptr, data): copy into linear memory"},
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

static PyTypeObject BoundaryType = {
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

/* -- DirectExport: a whole export call of numbers in, a number out --------------------------- */

#define MAX_DIRECT_ARGS 16

typedef struct {
    PyObject_HEAD
    Boundary *boundary;
    const void *func;
    PyObject *fallback;      /* the generated Python function: every case this file does not */
    PyObject *dict;          /* __name__, __doc__, __wrapped__ (functools.update_wrapper) */
    vectorcallfunc vectorcall;
    Py_ssize_t nparams;
    char params[MAX_DIRECT_ARGS + 1];
    char result;
} DirectExport;

static PyObject *DirectExport_call(DirectExport *self, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames) {
    Py_ssize_t n = PyVectorcall_NARGS(nargsf);
    Boundary *b = self->boundary;
    if (n != self->nparams || kwnames != NULL || b->poisoned != Py_None ||
        PyList_GET_SIZE(b->deferred) != 0 || PyThread_get_thread_ident() != b->owner)
        goto python;
    slot_t *buf = b->buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!store_value(self->params[i], args[i], &buf[i]))
            goto python;
    }
    if (call_into(b, self->func) < 0)
        return NULL;
    return load_value(self->result, &buf[0]);
python:
    return PyObject_Vectorcall(self->fallback, args, nargsf, kwnames);
}

static PyObject *Boundary_export(Boundary *self, PyObject *args) {
    PyObject *func, *fallback;
    const char *params, *result;
    if (!PyArg_ParseTuple(args, "OssO:export", &func, &params, &result, &fallback))
        return NULL;
    size_t count = strlen(params);
    if (count > MAX_DIRECT_ARGS || count > self->capacity || strlen(result) != 1) {
        PyErr_SetString(PyExc_ValueError, "export: too many parameters or not one result code");
        return NULL;
    }
    if (!valid_codes(params, "bBhHiIqQfd?", "export parameters") ||
        !valid_codes(result, "iIqQfd?-", "export result"))
        return NULL;
    if (!PyCallable_Check(fallback)) {
        PyErr_SetString(PyExc_TypeError, "export: the fallback must be callable");
        return NULL;
    }
    const void *address = address_of(func);
    if (address == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "export: a NULL function");
        return NULL;
    }
    extern PyTypeObject DirectExportType;
    DirectExport *d = PyObject_GC_New(DirectExport, &DirectExportType);
    if (d == NULL)
        return NULL;
    d->boundary = (Boundary *)Py_NewRef(self);
    d->func = address;
    d->fallback = Py_NewRef(fallback);
    d->dict = NULL;
    d->vectorcall = (vectorcallfunc)DirectExport_call;
    d->nparams = (Py_ssize_t)count;
    memcpy(d->params, params, count + 1);
    d->result = result[0];
    PyObject_GC_Track(d);
    return (PyObject *)d;
}

static int DirectExport_traverse(DirectExport *self, visitproc visit, void *arg) {
    Py_VISIT(self->boundary);
    Py_VISIT(self->fallback);
    Py_VISIT(self->dict);
    return 0;
}

static int DirectExport_clear(DirectExport *self) {
    Py_CLEAR(self->boundary);
    Py_CLEAR(self->fallback);
    Py_CLEAR(self->dict);
    return 0;
}

static void DirectExport_dealloc(DirectExport *self) {
    PyObject_GC_UnTrack(self);
    DirectExport_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *DirectExport_repr(DirectExport *self) {
    return PyUnicode_FromFormat("<compiled %R>", self->fallback);
}

static PyGetSetDef DirectExport_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject DirectExportType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wasmbindgen.runtime._native.DirectExport",
    .tp_doc = "An export of numbers, called in C (its Python function handles the rest)",
    .tp_basicsize = sizeof(DirectExport),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(DirectExport, vectorcall),
    .tp_dictoffset = offsetof(DirectExport, dict),
    .tp_dealloc = (destructor)DirectExport_dealloc,
    .tp_traverse = (traverseproc)DirectExport_traverse,
    .tp_clear = (inquiry)DirectExport_clear,
    .tp_repr = (reprfunc)DirectExport_repr,
    .tp_getset = DirectExport_getset,
};

/* -- Heap: the table of host values Rust refers to by index (heap.py's twin) -------------------
 * Same layout and free list as heap.py: slots base..base+3 hold undefined, null, true, false;
 * 1..base-1 are the borrow stack, growing down from base; freed slots chain through `links`.
 * A NULL slot is Python None (undefined).
 */

typedef struct {
    PyObject_HEAD
    PyObject **values;
    Py_ssize_t *links;
    Py_ssize_t len, cap;
    Py_ssize_t base, reserved, next_free, free_count, borrow_top;
    PyObject *exhausted;     /* BorrowStackExhausted */
} Heap;

static int heap_grow(Heap *h) {
    Py_ssize_t cap = h->cap ? h->cap * 2 : 64;
    PyObject **values = PyMem_Realloc(h->values, (size_t)cap * sizeof(PyObject *));
    if (values == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    h->values = values;
    Py_ssize_t *links = PyMem_Realloc(h->links, (size_t)cap * sizeof(Py_ssize_t));
    if (links == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    h->links = links;
    h->cap = cap;
    return 0;
}

static Py_ssize_t heap_add(Heap *h, PyObject *value) {
    if (value == Py_None)
        return h->base;
    Py_ssize_t idx = h->next_free;
    if (idx == h->len) {
        if (h->len == h->cap && heap_grow(h) < 0)
            return -1;
        h->values[idx] = Py_NewRef(value);
        h->links[idx] = 0;
        h->len++;
        h->next_free = idx + 1;
    } else {
        PyObject *old = h->values[idx];
        h->values[idx] = Py_NewRef(value);
        Py_XDECREF(old);
        h->next_free = h->links[idx];
        h->free_count--;
    }
    return idx;
}

/* A borrowed reference (Py_None for an empty slot), or NULL with IndexError. */
static PyObject *heap_get(Heap *h, Py_ssize_t idx) {
    if (idx < 0 || idx >= h->len) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    PyObject *value = h->values[idx];
    return value ? value : Py_None;
}

static void heap_drop(Heap *h, Py_ssize_t idx) {
    if (idx < h->reserved || idx >= h->len)
        return;
    PyObject *old = h->values[idx];
    h->values[idx] = NULL;
    h->links[idx] = h->next_free;
    h->next_free = idx;
    h->free_count++;
    Py_XDECREF(old);
}

static int Heap_init(Heap *self, PyObject *args, PyObject *kwds) {
    static char *names[] = {"base", "null", "exhausted", NULL};
    Py_ssize_t base;
    PyObject *null_value, *exhausted;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "nOO", names, &base, &null_value, &exhausted))
        return -1;
    if (base < 2 || base > (1 << 20) || self->values != NULL) {
        PyErr_SetString(PyExc_ValueError, "Heap(base): base out of range, or already set up");
        return -1;
    }
    self->base = base;
    self->reserved = base + 4;
    while (self->cap < self->reserved)
        if (heap_grow(self) < 0)
            return -1;
    memset(self->values, 0, (size_t)self->reserved * sizeof(PyObject *));
    memset(self->links, 0, (size_t)self->reserved * sizeof(Py_ssize_t));
    self->values[base + 1] = Py_NewRef(null_value);
    self->values[base + 2] = Py_NewRef(Py_True);
    self->values[base + 3] = Py_NewRef(Py_False);
    self->len = self->next_free = self->reserved;
    self->free_count = 0;
    self->borrow_top = base;
    Py_XSETREF(self->exhausted, Py_NewRef(exhausted));
    return 0;
}

static int Heap_traverse(Heap *self, visitproc visit, void *arg) {
    for (Py_ssize_t i = 0; i < self->len; i++)
        Py_VISIT(self->values[i]);
    Py_VISIT(self->exhausted);
    return 0;
}

static int Heap_clear(Heap *self) {
    for (Py_ssize_t i = 0; i < self->len; i++)
        Py_CLEAR(self->values[i]);
    Py_CLEAR(self->exhausted);
    return 0;
}

static void Heap_dealloc(Heap *self) {
    PyObject_GC_UnTrack(self);
    Heap_clear(self);
    PyMem_Free(self->values);
    PyMem_Free(self->links);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int heap_ready(Heap *h) {
    if (h->values == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Heap: not initialised");
        return 0;
    }
    return 1;
}

static int index_arg(PyObject *arg, Py_ssize_t *idx) {
    *idx = PyNumber_AsSsize_t(arg, PyExc_IndexError);
    return !(*idx == -1 && PyErr_Occurred());
}

static PyObject *Heap_add(Heap *self, PyObject *value) {
    if (!heap_ready(self))
        return NULL;
    Py_ssize_t idx = heap_add(self, value);
    return idx < 0 ? NULL : PyLong_FromSsize_t(idx);
}

static PyObject *Heap_get(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    if (!heap_ready(self) || !index_arg(arg, &idx))
        return NULL;
    PyObject *value = heap_get(self, idx);
    return value ? Py_NewRef(value) : NULL;
}

static PyObject *Heap_drop(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    if (!heap_ready(self) || !index_arg(arg, &idx))
        return NULL;
    heap_drop(self, idx);
    Py_RETURN_NONE;
}

static PyObject *Heap_take(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    if (!heap_ready(self) || !index_arg(arg, &idx))
        return NULL;
    PyObject *value = heap_get(self, idx);
    if (value == NULL)
        return NULL;
    Py_INCREF(value);
    heap_drop(self, idx);
    return value;
}

static PyObject *Heap_clone(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    if (!heap_ready(self) || !index_arg(arg, &idx))
        return NULL;
    PyObject *value = heap_get(self, idx);
    if (value == NULL)
        return NULL;
    Py_INCREF(value);  /* the slot may be reused by the add */
    Py_ssize_t copy = heap_add(self, value);
    Py_DECREF(value);
    return copy < 0 ? NULL : PyLong_FromSsize_t(copy);
}

static PyObject *Heap_borrow(Heap *self, PyObject *value) {
    if (!heap_ready(self))
        return NULL;
    if (self->borrow_top == 1) {
        PyErr_Format(self->exhausted, "too many borrowed JsValue arguments are live at once "
                     "(the limit is %zd)", self->base - 1);
        return NULL;
    }
    self->borrow_top--;
    Py_XSETREF(self->values[self->borrow_top], value == Py_None ? NULL : Py_NewRef(value));
    return PyLong_FromSsize_t(self->borrow_top);
}

static PyObject *Heap_mark(Heap *self, PyObject *unused) {
    return PyLong_FromSsize_t(self->borrow_top);
}

static PyObject *Heap_unwind(Heap *self, PyObject *arg) {
    Py_ssize_t mark;
    if (!heap_ready(self) || !index_arg(arg, &mark))
        return NULL;
    if (mark > self->base)
        mark = self->base;  /* the borrow stack ends at base */
    while (self->borrow_top < mark) {
        Py_CLEAR(self->values[self->borrow_top]);
        self->borrow_top++;
    }
    Py_RETURN_NONE;
}

static PyObject *Heap_release(Heap *self, PyObject *const *args, Py_ssize_t n) {
    Py_ssize_t count = 1;
    if (n > 1 || (n == 1 && !index_arg(args[0], &count)))
        return n > 1 ? (PyErr_SetString(PyExc_TypeError, "release(count=1)"), NULL) : NULL;
    if (!heap_ready(self))
        return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        if (self->borrow_top >= self->len) {
            PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
            return NULL;
        }
        Py_CLEAR(self->values[self->borrow_top]);
        self->borrow_top++;
    }
    Py_RETURN_NONE;
}

static PyObject *Heap_live_count(Heap *self, PyObject *unused) {
    return PyLong_FromSsize_t(self->len - self->free_count - self->reserved);
}

static PyMethodDef Heap_methods[] = {
    {"add", (PyCFunction)Heap_add, METH_O, "add(value) -> a new slot owned by Rust"},
    {"get", (PyCFunction)Heap_get, METH_O, "get(idx) -> the value in slot idx"},
    {"drop", (PyCFunction)Heap_drop, METH_O, "drop(idx): free slot idx (reserved ones stay)"},
    {"take", (PyCFunction)Heap_take, METH_O, "take(idx) -> the value, freeing its slot"},
    {"clone", (PyCFunction)Heap_clone, METH_O, "clone(idx) -> a new slot of the same value"},
    {"borrow", (PyCFunction)Heap_borrow, METH_O, "borrow(value) -> a borrow-stack slot"},
    {"mark", (PyCFunction)Heap_mark, METH_NOARGS, "mark() -> the borrow-stack position"},
    {"unwind", (PyCFunction)Heap_unwind, METH_O, "unwind(mark): release borrows down to it"},
    {"release", (PyCFunction)(void (*)(void))Heap_release, METH_FASTCALL,
     "release(count=1): pop borrow-stack slots"},
    {"live_count", (PyCFunction)Heap_live_count, METH_NOARGS,
     "live_count() -> slots in use beyond the reserved ones"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Heap_members[] = {
    {"base", T_PYSSIZET, offsetof(Heap, base), READONLY, "the release's JSIDX_OFFSET"},
    {"reserved", T_PYSSIZET, offsetof(Heap, reserved), READONLY, "base + 4"},
    {"borrow_top", T_PYSSIZET, offsetof(Heap, borrow_top), READONLY, "the borrow-stack top"},
    {"free_count", T_PYSSIZET, offsetof(Heap, free_count), READONLY, "freed slots"},
    {"next_free", T_PYSSIZET, offsetof(Heap, next_free), READONLY, "the next slot add uses"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject HeapType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wasmbindgen.runtime._native.Heap",
    .tp_doc = "Heap(base, null, exhausted): heap.Heap in C",
    .tp_basicsize = sizeof(Heap),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Heap_init,
    .tp_dealloc = (destructor)Heap_dealloc,
    .tp_traverse = (traverseproc)Heap_traverse,
    .tp_clear = (inquiry)Heap_clear,
    .tp_methods = Heap_methods,
    .tp_members = Heap_members,
};

/* -- HostEntry: an import wasm calls, reaching Python through vectorcall ----------------------- */

/* What the compiled trampoline may do itself instead of calling the Python handler. */
enum special { PLAIN = 0, JS_CALL, JS_CALL_CATCH };

typedef struct {
    PyObject_HEAD
    Boundary *boundary;
    PyObject *handler;       /* the Python function, given the unpacked arguments */
    PyObject *finish;        /* finish(value, values_address) -> 0 or a trap: the Python packing */
    PyObject *failed;        /* failed(exception, value) -> a trap (the exception is pending) */
    Py_ssize_t nparams;
    char params[MAX_HOST_ARGS + 1];
    char result;             /* '-' for none */
    enum special special;
    Heap *heap;              /* JS_CALL*: the heap the arguments' indices refer to */
    PyObject *catch_;        /* JS_CALL_CATCH: catch(exception) -> the Err's heap index */
} HostEntry;

/* The exception being raised, normalised, with its traceback; the error indicator cleared. */
static PyObject *fetch_exception(void) {
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);  /* Python 3.11 has no PyErr_GetRaisedException */
    PyErr_NormalizeException(&type, &exc, &tb);
    if (exc != NULL && tb != NULL)
        PyException_SetTraceback(exc, tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return exc;
}

static PyObject *str_takes_this;  /* "_wb_takes_this" */

/* A callable that Function.prototype.call (builtins/function.py) calls as f(*args): a Python
 * function or bound method not marked _wb_takes_this, or a builtin. Others go to Python. */
static int plain_callable(PyObject *f) {
    if (PyCFunction_CheckExact(f))
        return 1;
    PyObject *fn = PyMethod_Check(f) ? PyMethod_GET_FUNCTION(f) : f;
    if (!PyFunction_Check(fn))
        return 0;
    PyObject *dict = ((PyFunctionObject *)fn)->func_dict;
    if (dict == NULL || PyDict_GET_SIZE(dict) == 0)
        return 1;
    PyObject *flag = PyDict_GetItemWithError(dict, str_takes_this);
    if (flag == NULL && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return flag != Py_True;
}

static void *call_failed(HostEntry *h);

/* Function.prototype.call over heap values: values are (function, this, args...) indices,
 * the result's new index goes back. 0: not handled (the Python handler runs instead); else
 * 1 with *trap set (NULL on success). */
static int js_call(HostEntry *h, slot_t *values, void **trap) {
    Heap *heap = h->heap;
    uint32_t idx;
    memcpy(&idx, &values[0], 4);
    PyObject *f = heap_get(heap, idx);
    if (f == NULL || !plain_callable(f)) {
        PyErr_Clear();
        return 0;
    }
    PyObject *args[MAX_HOST_ARGS];
    Py_ssize_t n = h->nparams - 2;
    for (Py_ssize_t i = 0; i < n; i++) {
        memcpy(&idx, &values[i + 2], 4);
        args[i] = heap_get(heap, idx);
        if (args[i] == NULL) {
            PyErr_Clear();
            return 0;
        }
    }
    /* the call may drop heap slots: hold the function and arguments meanwhile */
    Py_INCREF(f);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_INCREF(args[i]);
    PyObject *r = PyObject_Vectorcall(f, args, (size_t)n, NULL);
    Py_DECREF(f);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(args[i]);
    if (r == NULL && h->special == JS_CALL_CATCH && PyErr_ExceptionMatches(PyExc_Exception)) {
        PyObject *exc = fetch_exception();
        r = PyObject_CallOneArg(h->catch_, exc);  /* the Err's index, already in the heap */
        Py_XDECREF(exc);
        if (r != NULL && !store_value('I', r, &values[0])) {
            Py_DECREF(r);
            PyErr_SetString(PyExc_SystemError, "wasmbindgen: catch() gave no heap index");
            r = NULL;
        } else if (r != NULL) {
            Py_DECREF(r);
            *trap = NULL;
            return 1;
        }
    }
    if (r == NULL) {
        *trap = call_failed(h);
        return 1;
    }
    Py_ssize_t slot = heap_add(heap, r);
    Py_DECREF(r);
    if (slot < 0) {
        *trap = call_failed(h);
        return 1;
    }
    uint32_t word = (uint32_t)slot;
    memcpy(&values[0], &word, 4);
    *trap = NULL;
    return 1;
}

/* A trap from a Python callback's int result; on a broken callback, a generic trap. */
static void *trap_from(PyObject *r) {
    void *trap = NULL;
    if (r != NULL) {
        trap = PyLong_AsVoidPtr(r);
        Py_DECREF(r);
    }
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(NULL);
        trap = NULL;
    }
    if (trap == NULL && r == NULL) {
        static const char text[] = "wasmbindgen: a host function failed";
        trap = api_trap_new(text, sizeof text - 1);
    }
    return trap;
}

/* The exception being raised handed to the Python `failed`, which keeps it for the call into
 * wasm to re-raise; returns the trap that unwinds wasm to there (as a void*). */
static PyObject *call_failed_result(HostEntry *h) {
    PyObject *exc = fetch_exception();
    PyObject *r = PyObject_CallFunctionObjArgs(h->failed, exc ? exc : Py_None, Py_None, NULL);
    Py_XDECREF(exc);
    return r;
}

static void *call_failed(HostEntry *h) {
    return trap_from(call_failed_result(h));
}

/* What wasmtime calls: wasmtime_func_unchecked_callback_t. */
static void *host_trampoline(void *env, void *caller, slot_t *values, size_t count) {
    (void)caller;
    HostEntry *h = (HostEntry *)env;
    PyGILState_STATE gil = PyGILState_Ensure();
    Boundary *b = h->boundary;
    void *trap = NULL;
    PyObject *args[MAX_HOST_ARGS];
    Py_ssize_t made = 0;
    b->host_depth++;
    if ((size_t)h->nparams > count || (h->result != '-' && count < 1)) {
        PyErr_SetString(PyExc_SystemError, "wasmbindgen: wasmtime passed too few value slots");
        goto failed;
    }
    if (h->special != PLAIN && js_call(h, values, &trap))
        goto done;
    for (; made < h->nparams; made++) {
        args[made] = load_value(h->params[made], &values[made]);
        if (args[made] == NULL)
            goto failed;
    }
    PyObject *value = PyObject_Vectorcall(h->handler, args, (size_t)made, NULL);
    for (Py_ssize_t i = 0; i < made; i++)
        Py_DECREF(args[i]);
    made = 0;
    if (value == NULL)
        goto failed;
    if (h->result != '-' && !store_value(h->result, value, &values[0])) {
        PyObject *at = PyLong_FromVoidPtr(values);
        PyObject *r = at ? PyObject_CallFunctionObjArgs(h->finish, value, at, NULL) : NULL;
        Py_XDECREF(at);
        trap = trap_from(r);
    }
    Py_DECREF(value);
    goto done;
failed:
    for (Py_ssize_t i = 0; i < made; i++)
        Py_DECREF(args[i]);
    trap = call_failed(h);
done:
    b->host_depth--;
    PyGILState_Release(gil);
    return trap;
}

static PyObject *Boundary_host(Boundary *self, PyObject *args) {
    PyObject *handler, *finish, *failed, *heap = Py_None, *catch_ = Py_None;
    const char *params, *result;
    int special = PLAIN;
    if (!PyArg_ParseTuple(args, "OssOO|iOO:host", &handler, &params, &result, &finish, &failed,
                          &special, &heap, &catch_))
        return NULL;
    if (special != PLAIN) {
        if ((special != JS_CALL && special != JS_CALL_CATCH) || strlen(params) < 2 ||
            strspn(params, "I") != strlen(params) || strcmp(result, "I") != 0 ||
            !Py_IS_TYPE(heap, &HeapType) ||
            (special == JS_CALL_CATCH && !PyCallable_Check(catch_))) {
            PyErr_SetString(PyExc_ValueError, "host: a js_call takes heap indices (u32) in and "
                            "out, the native Heap, and for catch a callable");
            return NULL;
        }
    }
    size_t count = strlen(params);
    if (count > MAX_HOST_ARGS || strlen(result) != 1) {
        PyErr_SetString(PyExc_ValueError, "host: too many parameters or not one result code");
        return NULL;
    }
    /* import parameters arrive as wasm values: signed/unsigned words, floats */
    if (!valid_codes(params, "iIqQfd", "host parameters") ||
        !valid_codes(result, "bBhHiIqQfd-", "host result"))
        return NULL;
    if (!PyCallable_Check(handler) || !PyCallable_Check(finish) || !PyCallable_Check(failed)) {
        PyErr_SetString(PyExc_TypeError, "host: handler, finish and failed must be callable");
        return NULL;
    }
    extern PyTypeObject HostEntryType;
    HostEntry *h = PyObject_GC_New(HostEntry, &HostEntryType);
    if (h == NULL)
        return NULL;
    h->boundary = (Boundary *)Py_NewRef(self);
    h->handler = Py_NewRef(handler);
    h->finish = Py_NewRef(finish);
    h->failed = Py_NewRef(failed);
    h->nparams = (Py_ssize_t)count;
    memcpy(h->params, params, count + 1);
    h->result = result[0];
    h->special = (enum special)special;
    h->heap = special == PLAIN ? NULL : (Heap *)Py_NewRef(heap);
    h->catch_ = special == JS_CALL_CATCH ? Py_NewRef(catch_) : NULL;
    PyObject_GC_Track(h);
    return (PyObject *)h;
}

static int HostEntry_traverse(HostEntry *self, visitproc visit, void *arg) {
    Py_VISIT(self->boundary);
    Py_VISIT(self->handler);
    Py_VISIT(self->finish);
    Py_VISIT(self->failed);
    Py_VISIT(self->heap);
    Py_VISIT(self->catch_);
    return 0;
}

static int HostEntry_clear(HostEntry *self) {
    Py_CLEAR(self->boundary);
    Py_CLEAR(self->handler);
    Py_CLEAR(self->finish);
    Py_CLEAR(self->failed);
    Py_CLEAR(self->heap);
    Py_CLEAR(self->catch_);
    return 0;
}

static void HostEntry_dealloc(HostEntry *self) {
    PyObject_GC_UnTrack(self);
    HostEntry_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *HostEntry_env(HostEntry *self, void *closure) {
    (void)closure;
    return PyLong_FromVoidPtr(self);
}

static PyGetSetDef HostEntry_getset[] = {
    {"env", (getter)HostEntry_env, NULL,
     "the env pointer to register with the callback (keep the entry alive meanwhile)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject HostEntryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wasmbindgen.runtime._native.HostEntry",
    .tp_doc = "A host function wasm calls through the C trampoline",
    .tp_basicsize = sizeof(HostEntry),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = (destructor)HostEntry_dealloc,
    .tp_traverse = (traverseproc)HostEntry_traverse,
    .tp_clear = (inquiry)HostEntry_clear,
    .tp_getset = HostEntry_getset,
};

/* -- module ------------------------------------------------------------------------------------ */

static PyMethodDef module_methods[] = {
    {"bind_api", (PyCFunction)(void (*)(void))bind_api, METH_FASTCALL,
     "bind_api(call_unchecked, trap_new, memory_data, memory_data_size): C API addresses"},
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
    str_takes_this = PyUnicode_InternFromString("_wb_takes_this");
    if (str_takes_this == NULL)
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
