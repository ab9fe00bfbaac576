//! A single-threaded task: a boxed future and a hand-made waker that re-queues it.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::mem::ManuallyDrop;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, RawWaker, RawWakerVTable, Waker};

pub(crate) struct Task {
    future: RefCell<Option<Pin<Box<dyn Future<Output = ()> + 'static>>>>,
    queued: Cell<bool>,
}

impl Task {
    pub(crate) fn spawn(future: Pin<Box<dyn Future<Output = ()> + 'static>>) {
        let task = Rc::new(Task { future: RefCell::new(Some(future)), queued: Cell::new(true) });
        crate::queue::QUEUE.with(|queue| queue.push(task));
    }

    fn wake_by_ref(this: &Rc<Self>) {
        if !this.queued.replace(true) {
            crate::queue::QUEUE.with(|queue| queue.push(this.clone()));
        }
    }

    pub(crate) fn run(self: Rc<Self>) {
        let mut slot = self.future.borrow_mut();
        let future = match slot.as_mut() {
            Some(future) => future,
            None => return, // finished already; a stale wake
        };
        self.queued.set(false);
        let waker = unsafe { Waker::from_raw(raw_waker(self.clone())) };
        let mut cx = Context::from_waker(&waker);
        if future.as_mut().poll(&mut cx).is_ready() {
            *slot = None;
        }
    }
}

unsafe fn raw_waker(task: Rc<Task>) -> RawWaker {
    RawWaker::new(Rc::into_raw(task) as *const (), &VTABLE)
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);

unsafe fn clone(ptr: *const ()) -> RawWaker {
    let task = ManuallyDrop::new(Rc::from_raw(ptr as *const Task));
    raw_waker((*task).clone())
}

unsafe fn wake(ptr: *const ()) {
    let task = Rc::from_raw(ptr as *const Task);
    Task::wake_by_ref(&task);
}

unsafe fn wake_by_ref(ptr: *const ()) {
    let task = ManuallyDrop::new(Rc::from_raw(ptr as *const Task));
    Task::wake_by_ref(&task);
}

unsafe fn drop_waker(ptr: *const ()) {
    drop(Rc::from_raw(ptr as *const Task));
}
