/* Heap: heap.py's table of host values in C, with the same layout and free list.
 *
 * Slots base..base+3 hold undefined, null, true, false; 1..base-1 are the borrow stack, growing
 * down from base; freed slots chain through `links`. A NULL slot is Python None (undefined).
 */
#include "native.h"

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

Py_ssize_t heap_add(Heap *h, PyObject *value) {
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
PyObject *heap_get(Heap *h, Py_ssize_t idx) {
    if (idx < 0 || idx >= h->len) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    PyObject *value = h->values[idx];
    return value ? value : Py_None;
}

void heap_drop(Heap *h, Py_ssize_t idx) {
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

/* The value in the slot `arg` names, as a new reference; its index in *idx. */
static PyObject *slot_value(Heap *self, PyObject *arg, Py_ssize_t *idx) {
    if (!heap_ready(self) || !index_arg(arg, idx))
        return NULL;
    PyObject *value = heap_get(self, *idx);
    return value ? Py_NewRef(value) : NULL;
}

static PyObject *Heap_get(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    return slot_value(self, arg, &idx);
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
    PyObject *value = slot_value(self, arg, &idx);
    if (value != NULL)
        heap_drop(self, idx);
    return value;
}

static PyObject *Heap_clone(Heap *self, PyObject *arg) {
    Py_ssize_t idx;
    PyObject *value = slot_value(self, arg, &idx);  /* held: the add may reuse its slot */
    if (value == NULL)
        return NULL;
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

PyTypeObject HeapType = {
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
