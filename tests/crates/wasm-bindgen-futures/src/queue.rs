//! The run queue: one host microtask runs every task queued before it started.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

pub(crate) struct Queue {
    tasks: RefCell<VecDeque<Rc<crate::task::Task>>>,
    scheduled: Cell<bool>,
    resolved: Promise,
    run: Closure<dyn FnMut(JsValue)>,
}

impl Queue {
    pub(crate) fn push(&self, task: Rc<crate::task::Task>) {
        self.tasks.borrow_mut().push_back(task);
        if !self.scheduled.replace(true) {
            let _ = self.resolved.then(&self.run);
        }
    }

    fn run_all(&self) {
        self.scheduled.set(false);
        // Only the tasks queued so far: ones woken meanwhile wait for the next microtask.
        let count = self.tasks.borrow().len();
        for _ in 0..count {
            let task = match self.tasks.borrow_mut().pop_front() {
                Some(task) => task,
                None => break,
            };
            task.run();
        }
    }
}

thread_local! {
    pub(crate) static QUEUE: Queue = Queue {
        tasks: RefCell::new(VecDeque::new()),
        scheduled: Cell::new(false),
        resolved: Promise::resolve(&JsValue::undefined()),
        run: Closure::new(|_| QUEUE.with(|queue| queue.run_all())),
    };
}
