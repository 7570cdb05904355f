// The one error type the package throws. `code` is the engine's stable
// ErrorCode name ("UNKNOWN_CURRENCY", "INEXACT_NUMBER", ...), `message` the
// engine's sentence for a person, `path` which argument or field ("amount",
// "weights[2]"). toString() gives all three, the way the CLI prints them.
export class ShopCoreError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'ShopCoreError';
    this.code = code;
    this.path = path;
  }

  toString() {
    return `ShopCoreError: ${this.code}${this.path ? ` at ${this.path}` : ''}: ${this.message}`;
  }
}
