// A component's own stylesheet, imported for its effect when a unit test renders it; Vitest reads it as an empty module.
declare module '*.css'
