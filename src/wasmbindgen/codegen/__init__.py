"""Stage 5: code generation from the model (``codegen.python`` now, JavaScript later)."""
