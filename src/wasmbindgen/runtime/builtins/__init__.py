"""The JavaScript built-ins js-sys binds, written in Python; ``scope.default_globals`` gathers
them into the global scope every instance starts with."""
