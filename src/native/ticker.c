/* The epoch ticker: a native thread advancing each engine's epoch every tick, so that
 * `timeout` and Ctrl-C reach a running call (limits.py) without a Python thread. A call into
 * wasm then needs to release the GIL only when another Python thread could use it meanwhile.
 */
#include "native.h"

#include <pthread.h>
#include <time.h>

#define MAX_ENGINES 8

typedef void (*increment_epoch_fn)(void *engine);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *engines[MAX_ENGINES];
static int engine_count;
static increment_epoch_fn increment;
static long tick_ns;
static int running;
static int stopping;  /* stop_ticker(): the engines are about to be freed */

static void *tick(void *unused) {
    (void)unused;
    for (;;) {
        struct timespec pause = {tick_ns / 1000000000L, tick_ns % 1000000000L};
        nanosleep(&pause, NULL);
        pthread_mutex_lock(&lock);
        if (stopping) {
            running = 0;
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        for (int i = 0; i < engine_count; i++)
            increment(engines[i]);
        pthread_mutex_unlock(&lock);
    }
}

static int start(void) {
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int failed = pthread_create(&thread, &attr, tick, NULL);
    pthread_attr_destroy(&attr);
    if (failed) {
        PyErr_SetString(PyExc_RuntimeError, "wasmbindgen: cannot start the epoch ticker thread");
        return -1;
    }
    running = 1;
    return 0;
}

/* tick_engine(increment_epoch, engine, seconds): tick `engine` from now on. */
PyObject *tick_engine(PyObject *module, PyObject *const *args, Py_ssize_t n) {
    if (n != 3) {
        PyErr_SetString(PyExc_TypeError, "tick_engine(increment_epoch, engine, seconds)");
        return NULL;
    }
    void *fn = address_of(args[0]), *engine = address_of(args[1]);
    double seconds = PyFloat_AsDouble(args[2]);
    if (fn == NULL || engine == NULL || (seconds == -1.0 && PyErr_Occurred()))
        return PyErr_Occurred() ? NULL : (PyErr_SetString(PyExc_ValueError, "a NULL address"), NULL);
    if (!(seconds >= 1e-4 && seconds <= 1.0)) {
        PyErr_SetString(PyExc_ValueError, "tick_engine: a tick of 0.1 ms to 1 s");
        return NULL;
    }
    pthread_mutex_lock(&lock);
    int known = 0;
    for (int i = 0; i < engine_count; i++)
        known |= engines[i] == engine;
    if (!known && engine_count == MAX_ENGINES) {
        pthread_mutex_unlock(&lock);
        PyErr_SetString(PyExc_RuntimeError, "tick_engine: too many engines");
        return NULL;
    }
    if (!known)
        engines[engine_count++] = engine;
    increment = (increment_epoch_fn)fn;
    tick_ns = (long)(seconds * 1e9);
    stopping = 0;
    int start_one = !running;
    pthread_mutex_unlock(&lock);
    if (start_one && start() < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* stop_ticker(): no tick after this returns (at exit, before Python frees the engines; a
 * tick on a freed engine would be a use after free). */
PyObject *stop_ticker(PyObject *module, PyObject *unused) {
    pthread_mutex_lock(&lock);
    stopping = 1;
    engine_count = 0;
    pthread_mutex_unlock(&lock);
    Py_RETURN_NONE;
}

/* after_fork(): in a forked child the thread is gone; start another for the same engines. */
PyObject *after_fork(PyObject *module, PyObject *unused) {
    pthread_mutex_init(&lock, NULL);  /* the parent's ticker may have held it at the fork */
    running = 0;
    stopping = 0;
    if (engine_count && start() < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Whether another Python thread (of any interpreter) exists that could want the GIL while
 * this one runs wasm. Read without the runtime's lock: a thread made this very moment may wait
 * until the call returns, never longer. */
int others_may_run(void) {
    PyThreadState *me = PyThreadState_Get();
    PyInterpreterState *interp = PyThreadState_GetInterpreter(me);
    if (PyInterpreterState_Head() != interp || PyInterpreterState_Next(interp) != NULL)
        return 1;
    PyThreadState *head = PyInterpreterState_ThreadHead(interp);
    return head != me || PyThreadState_Next(me) != NULL;
}
