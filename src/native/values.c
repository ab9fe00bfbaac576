/* Python values <-> wasm value slots, by `struct` letter.
 *
 * Arguments into wasm: b B h H i I q Q (range-checked integers), f d (floats), ? (bool).
 * Results out of wasm: i I q Q f d, ? (nonzero), '-' none.
 */
#include "native.h"

#include <math.h>

int valid_codes(const char *codes, const char *allowed, const char *what) {
    for (const char *c = codes; *c; c++) {
        if (strchr(allowed, *c) == NULL) {
            PyErr_Format(PyExc_ValueError, "%s: unknown value code '%c'", what, *c);
            return 0;
        }
    }
    return 1;
}

/* Python value -> slot; 0 (no exception set) when the value is not of the plain kind. */
int store_value(char code, PyObject *value, slot_t *slot) {
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
PyObject *load_value(char code, const slot_t *slot) {
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
