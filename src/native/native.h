/* wasmbindgen's compiled boundary: what its C files share.
 *
 * It calls wasmtime's C API through the library the `wasmtime` wheel ships; the Python side
 * hands it the functions' addresses (`bind_api`), so nothing links against wasmtime at build
 * time. Everything here has a pure-Python twin (runtime/engine.py, memory.py, heap.py), which
 * stays the reference: whenever a value is not of the plain kind these files handle (a non-int
 * for a u32, a lone surrogate in a str, a poisoned instance, another thread, keyword
 * arguments...), the call is handed to the Python twin, so errors and edge cases behave alike.
 *
 * Values travel in wasmtime_val_raw_t slots: 16 bytes each, little-endian.
 */
#ifndef WASMBINDGEN_NATIVE_H
#define WASMBINDGEN_NATIVE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "wasmtime_val_raw_t slots are read as little-endian values"
/* -- ticker.c: the epoch ticker, and when the GIL must be released ----------------------------- */

PyObject *tick_engine(PyObject *module, PyObject *const *args, Py_ssize_t n);
PyObject *after_fork(PyObject *module, PyObject *unused);
PyObject *stop_ticker(PyObject *module, PyObject *unused);
int others_may_run(void);

#endif

#ifndef WB_WASMTIME_VERSION
#define WB_WASMTIME_VERSION "unknown"
/* -- ticker.c: the epoch ticker, and when the GIL must be released ----------------------------- */

PyObject *tick_engine(PyObject *module, PyObject *const *args, Py_ssize_t n);
PyObject *after_fork(PyObject *module, PyObject *unused);
PyObject *stop_ticker(PyObject *module, PyObject *unused);
int others_may_run(void);

#endif

#define ABI_VERSION 1     /* bumped when the contract with runtime/native.py changes */
#define SLOT 16
#define MAX_HOST_ARGS 32  /* wasm-bindgen imports take far fewer; more go to the Python twin */

typedef struct { unsigned char bytes[SLOT]; } slot_t;

/* -- api.c: wasmtime's C API, by address ------------------------------------------------------ */

typedef void *(*call_unchecked_fn)(void *ctx, const void *func, slot_t *args, size_t len,
                                   void **trap);
typedef void *(*trap_new_fn)(const char *message, size_t len);
typedef uint8_t *(*memory_data_fn)(const void *ctx, const void *memory);
typedef size_t (*memory_data_size_fn)(const void *ctx, const void *memory);

extern call_unchecked_fn api_call;
extern trap_new_fn api_trap_new;
extern memory_data_fn api_memory_data;
extern memory_data_size_fn api_memory_data_size;

void *address_of(PyObject *value);
PyObject *bind_api(PyObject *module, PyObject *const *args, Py_ssize_t n);
int api_ready(void);

/* -- values.c: one letter per slot, as the `struct` module spells it -------------------------- */

int valid_codes(const char *codes, const char *allowed, const char *what);
int store_value(char code, PyObject *value, slot_t *slot);
PyObject *load_value(char code, const slot_t *slot);

/* -- boundary.c: one instance's store, call buffer and state ---------------------------------- */

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
    PyObject *source;        /* the module's file name, for messages */
    PyObject *deferred;      /* the runtime's deferred work: a direct export defers to glue */
    unsigned long owner;     /* the thread that may call in */
    int host_depth;          /* host functions running */
    const void *malloc_ref, *free_ref;  /* __wbindgen_malloc, __wbindgen_free */
} Boundary;

extern PyTypeObject BoundaryType;
int call_into(Boundary *b, const void *func);

/* -- heap.c: the table of host values Rust refers to by index --------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject **values;
    Py_ssize_t *links;
    Py_ssize_t len, cap;
    Py_ssize_t base, reserved, next_free, free_count, borrow_top;
    PyObject *exhausted;     /* BorrowStackExhausted */
} Heap;

extern PyTypeObject HeapType;
Py_ssize_t heap_add(Heap *h, PyObject *value);
PyObject *heap_get(Heap *h, Py_ssize_t idx);
void heap_drop(Heap *h, Py_ssize_t idx);

/* -- direct.c, host.c: the two kinds of calls made in C ---------------------------------------- */

extern PyTypeObject DirectExportType, HostEntryType;
PyObject *Boundary_export(Boundary *self, PyObject *args);
PyObject *Boundary_host(Boundary *self, PyObject *args);
void *host_trampoline(void *env, void *caller, slot_t *values, size_t count);
enum special { PLAIN = 0, JS_CALL, JS_CALL_CATCH };
int host_init(void);

/* -- ticker.c: the epoch ticker, and when the GIL must be released ----------------------------- */

PyObject *tick_engine(PyObject *module, PyObject *const *args, Py_ssize_t n);
PyObject *after_fork(PyObject *module, PyObject *unused);
PyObject *stop_ticker(PyObject *module, PyObject *unused);
int others_may_run(void);

#endif
