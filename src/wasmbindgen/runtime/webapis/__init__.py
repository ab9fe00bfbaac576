"""The web platform APIs environment-agnostic crates reach (getrandom, web-time, reqwest,
console_log…): ``scope.web_globals()`` puts them in every instance's global scope beside the JS
built-ins; ``browser`` names what stays absent."""
