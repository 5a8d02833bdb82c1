//! The batch's large buffers come back for the next batch of the same
//! analyzer once the caller drops them, instead of going back to the system.
//!
//! A batch's columns are tens of MB (news text: ~3.5 bytes of columns per
//! byte of text). Freshly allocated, every page of them is faulted in and
//! zeroed by the kernel, and glibc hands buffers this large back to the
//! system when they are freed (`munmap`): measured on the news texts twice,
//! about 10,700 page faults and a sixth of `analyze_arrow`'s CPU time a call.
//! So a batch's buffers of at least [`MIN_BYTES`] are handed to Arrow with an
//! owner that returns them, emptied, to the analyzer's [`Pool`] when the last
//! array using them is dropped (Arrow's `Buffer::from_custom_allocation`),
//! and the next batch's columns start from them: their pages are in place.
//!
//! A pool keeps one buffer per column buffer of the batch (its *slot*: the
//! buffers of a column tree are numbered in one fixed order) and at most
//! [`MAX_BYTES`] in all; a buffer that does not fit goes back to the system.
//! A batch takes only buffers of at most 8 bytes a byte of its text: a
//! small batch that its caller keeps does not hold a large one's room, which
//! stays for the next large batch.
//! The pool is never waited for (`try_lock`: a busy pool gives no spare and
//! keeps none), so no thread blocks on it, and a child forked while another
//! thread held it cannot deadlock on it.

use arrow_buffer::{ArrowNativeType, Buffer, ScalarBuffer};
use std::ptr::NonNull;
use std::sync::{Arc, Mutex, Weak};

/// The smallest buffer worth keeping: smaller ones come from (and go back
/// to) glibc's heap, where freeing does not unmap them.
pub const MIN_BYTES: usize = 256 << 10;

/// The most a pool keeps: enough for the columns of a batch of ~20 MB of
/// news text; a larger batch's buffers beyond it go back to the system.
pub const MAX_BYTES: usize = 96 << 20;

/// A buffer kept for a slot, of one of the element types of the columns.
pub enum Spare {
    I8(Vec<i8>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    F64(Vec<f64>),
    U8(Vec<u8>),
}

impl Spare {
    fn bytes(&self) -> usize {
        match self {
            Spare::I8(v) => v.capacity(),
            Spare::I32(v) => v.capacity() * 4,
            Spare::I64(v) => v.capacity() * 8,
            Spare::F64(v) => v.capacity() * 8,
            Spare::U8(v) => v.capacity(),
        }
    }
}

/// An element type of the columns' buffers.
pub trait Element: ArrowNativeType + Sized {
    fn spare(values: Vec<Self>) -> Spare;
    fn unspare(spare: Spare) -> Option<Vec<Self>>;
}

macro_rules! element {
    ($($ty:ty => $variant:ident),*) => {$(
        impl Element for $ty {
            fn spare(values: Vec<Self>) -> Spare {
                Spare::$variant(values)
            }
            fn unspare(spare: Spare) -> Option<Vec<Self>> {
                match spare {
                    Spare::$variant(values) => Some(values),
                    _ => None,
                }
            }
        }
    )*};
}
element!(i8 => I8, i32 => I32, i64 => I64, f64 => F64, u8 => U8);

/// The buffers an analyzer's batches gave back, by slot.
#[derive(Default)]
pub struct Pool {
    slots: Mutex<Slots>,
}

#[derive(Default)]
struct Slots {
    spares: Vec<Option<Spare>>,
    bytes: usize,
}

impl Pool {
    /// The buffer kept for `slot`, emptied, if there is one of this type and
    /// of at most 8 bytes a byte of the batch's `text_bytes` (a larger one
    /// stays for a larger batch: a small batch that the caller keeps should
    /// not hold a large one's room).
    pub fn take<T: Element>(&self, slot: usize, text_bytes: usize) -> Option<Vec<T>> {
        let mut slots = self.slots.try_lock().ok()?;
        let held = slots.spares.get_mut(slot)?;
        if held.as_ref()?.bytes() > text_bytes.saturating_mul(8) {
            return None;
        }
        let spare = held.take()?;
        slots.bytes -= spare.bytes();
        T::unspare(spare)
    }

    /// Keeps `values` (emptied) for `slot`, if the pool has room.
    fn put<T: Element>(&self, slot: usize, mut values: Vec<T>) {
        values.clear();
        let spare = T::spare(values);
        let Ok(mut slots) = self.slots.try_lock() else { return };
        let slots = &mut *slots;
        if slots.spares.len() <= slot {
            slots.spares.resize_with(slot + 1, || None);
        }
        let held = slots.spares[slot].as_ref().map_or(0, Spare::bytes);
        if slots.bytes - held + spare.bytes() <= MAX_BYTES {
            slots.bytes = slots.bytes - held + spare.bytes();
            slots.spares[slot] = Some(spare);
        }
    }
}

/// The owner of a buffer handed to Arrow: gives it back to its pool (if the
/// analyzer is still alive) when Arrow lets go of it.
struct Lent<T: Element> {
    values: Option<Vec<T>>,
    slot: usize,
    pool: Weak<Pool>,
}

impl<T: Element> Drop for Lent<T> {
    fn drop(&mut self) {
        if let (Some(values), Some(pool)) = (self.values.take(), self.pool.upgrade()) {
            pool.put(self.slot, values);
        }
    }
}

/// `values` as an Arrow buffer: lent from `pool` for `slot` when it is
/// large enough to be worth keeping, else an ordinary one.
pub fn buffer<T: Element + std::panic::RefUnwindSafe + Send + Sync>(
    values: Vec<T>,
    slot: usize,
    pool: &Arc<Pool>,
) -> Buffer {
    if values.capacity() * size_of::<T>() < MIN_BYTES {
        return Buffer::from_vec(values);
    }
    let len = values.len() * size_of::<T>();
    // A vector of this capacity has an allocation: its pointer is not dangling.
    let Some(ptr) = NonNull::new(values.as_ptr() as *mut u8) else {
        return Buffer::from_vec(values);
    };
    let owner = Arc::new(Lent { values: Some(values), slot, pool: Arc::downgrade(pool) });
    // SAFETY: `ptr` points at the vector's `len` initialised bytes, which the
    // owner keeps in place (a vector's heap buffer does not move with it and
    // is not touched until the owner is dropped, when Arrow no longer uses it).
    unsafe { Buffer::from_custom_allocation(ptr, len, owner) }
}

/// `values` as a typed Arrow buffer (see [`buffer`]).
pub fn scalars<T: Element + std::panic::RefUnwindSafe + Send + Sync>(
    values: Vec<T>,
    slot: usize,
    pool: &Arc<Pool>,
) -> ScalarBuffer<T> {
    let len = values.len();
    ScalarBuffer::new(buffer(values, slot, pool), 0, len)
}
