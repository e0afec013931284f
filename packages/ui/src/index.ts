// Shared React components and client-side plumbing of the Nightjar clients. Takes only types
// from @nightjar/vms-core and reaches the site through its HTTP/WebSocket API.
export {};
