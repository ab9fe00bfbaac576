/* DirectExport: a whole export call of numbers in, a number out, made in C.
 */
#include "native.h"

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
    if (b == NULL || self->fallback == NULL) {  /* cleared by the GC */
        PyErr_SetString(PyExc_RuntimeError, "wasmbindgen: the instance is gone");
        return NULL;
    }
    /* the Python function handles keywords, a poisoned instance, deferred work, threads */
    if (n != self->nparams || kwnames != NULL || b->poisoned != Py_None ||
        b->deferred == NULL || PyList_GET_SIZE(b->deferred) != 0 ||
        PyThread_get_thread_ident() != b->owner)
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

PyObject *Boundary_export(Boundary *self, PyObject *args) {
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
