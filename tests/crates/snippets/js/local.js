export function local_name() { return "js"; }
