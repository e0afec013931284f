// Node-only surface of vms-core (servers, CLI). Never imported by a renderer.
export {};
