/**
 * Page tests run in node, where `require` is node's. miniprogram-api-typings declares the
 * mini-program's `require` globally (no `resolve`), which hides node's from the local cloud's
 * sources that the core-flow test compiles in; merging node's members back in restores them.
 */
interface Require extends NodeJS.Require {}
