"""What generated glue runs on: the engine boundary, the heap, memory, closures, intrinsics and
the JS-like global scope."""
