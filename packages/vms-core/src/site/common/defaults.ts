/**
 * The port an all-in-one site listens on unless told otherwise. 8080 is taken on many
 * workstations (proxies, other dev servers); 7480 rarely is, and the launcher and `vms site`
 * agree on it so `pnpm start` and `pnpm vms site` open the same address.
 */
export const DEFAULT_SITE_PORT = 7480;
