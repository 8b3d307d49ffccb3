// Copyright 2019 Octavian Oncescu

#![no_std]

//! A drop-in global allocator wrapper around the [mimalloc](https://github.com/microsoft/mimalloc) allocator.
//! Mimalloc is a general purpose, performance oriented allocator built by Microsoft.
//!
//! ## Usage
//! ```rust,ignore
//! use mimalloc::MiMalloc;
//!
//! #[global_allocator]
//! static GLOBAL: MiMalloc = MiMalloc;
//! ```
//!
//! ## Usage with secure mode
//! Using secure mode adds guard pages,
//! randomized allocation, encrypted free lists, etc. The performance penalty is usually
//! around 10% according to [mimalloc's](https://github.com/microsoft/mimalloc)
//! own benchmarks.
//!
//! To enable secure mode, put in `Cargo.toml`:
//! ```toml
//! [dependencies]
//! mimalloc = { version = "*", features = ["secure"] }
//! ```

extern crate libmimalloc_sys as ffi;

#[cfg(feature = "extended")]
mod extended;

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;
use ffi::*;

/// Drop-in mimalloc global allocator.
///
/// ## Usage
/// ```rust,ignore
/// use mimalloc::MiMalloc;
///
/// #[global_allocator]
/// static GLOBAL: MiMalloc = MiMalloc;
/// ```
pub struct MiMalloc;

/// Local patch (PATCHES.md, 1): the largest alignment `mi_malloc` gives every block at least
/// as large as it. mimalloc aligns each block of 16 bytes or more to `MI_MAX_ALIGN_SIZE` (16;
/// `alloc.c` asserts it for every block it hands out) and smaller ones to the word (8).
const MIN_ALIGN: usize = 16;

/// Local patch (PATCHES.md, 1): a layout `mi_malloc` serves as asked, as Rust's `System`
/// allocator decides for `malloc` (`library/std/src/sys/alloc/unix.rs`).
#[inline(always)]
fn natural(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if natural(layout.align(), layout.size()) {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if natural(layout.align(), layout.size()) {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if natural(layout.align(), new_size) {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_frees_allocated_memory() {
        unsafe {
            let layout = Layout::from_size_align(8, 8).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc(layout);
            alloc.dealloc(ptr, layout);
        }
    }

    #[test]
    fn it_frees_allocated_big_memory() {
        unsafe {
            let layout = Layout::from_size_align(1 << 20, 32).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc(layout);
            alloc.dealloc(ptr, layout);
        }
    }

    #[test]
    fn it_frees_zero_allocated_memory() {
        unsafe {
            let layout = Layout::from_size_align(8, 8).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc_zeroed(layout);
            alloc.dealloc(ptr, layout);
        }
    }

    #[test]
    fn it_frees_zero_allocated_big_memory() {
        unsafe {
            let layout = Layout::from_size_align(1 << 20, 32).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc_zeroed(layout);
            alloc.dealloc(ptr, layout);
        }
    }

    #[test]
    fn it_frees_reallocated_memory() {
        unsafe {
            let layout = Layout::from_size_align(8, 8).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc(layout);
            let ptr = alloc.realloc(ptr, layout, 16);
            alloc.dealloc(ptr, layout);
        }
    }

    #[test]
    fn it_frees_reallocated_big_memory() {
        unsafe {
            let layout = Layout::from_size_align(1 << 20, 32).unwrap();
            let alloc = MiMalloc;

            let ptr = alloc.alloc(layout);
            let ptr = alloc.realloc(ptr, layout, 2 << 20);
            alloc.dealloc(ptr, layout);
        }
    }

    extern "C" {
        fn mi_usable_size(p: *const c_void) -> usize;
    }

    /// Local patch (PATCHES.md, 1): the contract of the original (`mi_*_aligned` for every
    /// layout) kept. Every size from 1 to 1,100 bytes (past mimalloc's 1 KiB small-block limit)
    /// and a few large ones, with every alignment from 1 to 4 KiB: the block is aligned as
    /// asked, holds the size, is fully writable, keeps its bytes through `realloc` to sizes on
    /// either side of the 16-byte boundary, and a zeroed block is zero.
    #[test]
    fn blocks_are_aligned_and_sized_as_the_original_gives_them() {
        let a = MiMalloc;
        let sizes = (1..=1100).chain([1500, 2048, 4096, 8191, 65_537, (1 << 20) + 3]);
        let mut checked = 0;
        for size in sizes {
            for shift in 0..=12 {
                let align = 1usize << shift;
                let mut layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let mut p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "alloc: size {size}, align {align}");
                    assert!(mi_usable_size(p as *const c_void) >= size);
                    core::ptr::write_bytes(p, 0xa5, size);
                    for new_size in [size + 1, (size + 1) / 2, 8, 17, size] {
                        let kept = layout.size().min(new_size);
                        p = a.realloc(p, layout, new_size);
                        assert!(!p.is_null());
                        assert_eq!(
                            p as usize % align,
                            0,
                            "realloc to {new_size}: align {align}"
                        );
                        let bytes = core::slice::from_raw_parts(p, kept);
                        assert!(bytes.iter().all(|&b| b == 0xa5), "realloc to {new_size}");
                        core::ptr::write_bytes(p, 0xa5, new_size);
                        layout = Layout::from_size_align(new_size, align).unwrap();
                    }
                    a.dealloc(p, layout);
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(
                        z as usize % align,
                        0,
                        "alloc_zeroed: size {size}, align {align}"
                    );
                    assert!(core::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    a.dealloc(z, layout);
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 1106 * 13);
    }
}
