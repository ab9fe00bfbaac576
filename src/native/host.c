/* HostEntry: an import wasm calls, reaching Python through vectorcall; and
 * Function.prototype.call over heap values, done in C.
 */
#include "native.h"

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

int host_init(void) {
    str_takes_this = PyUnicode_InternFromString("_wb_takes_this");
    return str_takes_this == NULL ? -1 : 0;
}

static void *call_failed(HostEntry *h);

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

/* The trap a Python callback (`failed`, `finish`) returned as an int: 0 for none. When the
 * callback itself broke, a generic trap, the reason printed as unraisable. */
static void *trap_from(PyObject *r) {
    void *trap = NULL;
    if (r != NULL) {
        trap = PyLong_AsVoidPtr(r);
        Py_DECREF(r);
    }
    if (r == NULL || PyErr_Occurred()) {
        PyErr_WriteUnraisable(NULL);
        static const char text[] = "wasmbindgen: a host function's error handling failed";
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
void *host_trampoline(void *env, void *caller, slot_t *values, size_t count) {
    (void)caller;
    HostEntry *h = (HostEntry *)env;
    PyGILState_STATE gil = PyGILState_Ensure();
    Boundary *b = h->boundary;
    void *trap = NULL;
    PyObject *args[MAX_HOST_ARGS];
    Py_ssize_t made = 0;
    if (b == NULL || h->handler == NULL || h->failed == NULL) {  /* cleared by the GC */
        static const char text[] = "wasmbindgen: a host function of a collected instance";
        trap = api_trap_new(text, sizeof text - 1);
        PyGILState_Release(gil);
        return trap;
    }
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

PyObject *Boundary_host(Boundary *self, PyObject *args) {
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
