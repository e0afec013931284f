import type { IconName } from '@nightjar/ui';

/**
 * The site navigation tree of the Management Client, as administrators know it from the seeds:
 * folders of nodes, each node a page. `needs` hides a node from users whose roles may not use
 * it (the site refuses the calls anyway; hiding keeps the tree honest).
 */
export type AdminNeed = 'manageConfiguration' | 'manageUsers';

export interface TreeNode {
  id: NodeId;
  label: string;
  icon: IconName;
  needs: AdminNeed;
}

export interface TreeFolder {
  id: string;
  label: string;
  nodes: TreeNode[];
}

export const NODE_IDS = [
  'site', 'backup', 'recordingServers', 'storages', 'cameras', 'microphones', 'speakers', 'metadata', 'inputs', 'outputs', 'hardware', 'views', 'clientProfiles', 'timeProfiles', 'rules', 'userDefinedEvents',
  'genericEvents', 'analyticsSources', 'alarmDefinitions', 'notificationProfiles', 'roles', 'users', 'systemMonitor', 'currentTasks', 'systemLog', 'auditLog', 'ruleLog',
] as const;
export type NodeId = (typeof NODE_IDS)[number];

const node = (id: NodeId, label: string, icon: IconName, needs: AdminNeed = 'manageConfiguration'): TreeNode => ({ id, label, icon, needs });

export const SITE_TREE: TreeFolder[] = [
  { id: 'basics', label: 'Basics', nodes: [node('site', 'Site information', 'info'), node('backup', 'Backup and restore', 'save')] },
  { id: 'servers', label: 'Servers', nodes: [node('recordingServers', 'Recording servers', 'server'), node('storages', 'Storage and archives', 'storage')] },
  {
    id: 'devices', label: 'Devices',
    nodes: [node('cameras', 'Cameras', 'camera'), node('microphones', 'Microphones', 'microphone'), node('speakers', 'Speakers', 'sound'),
      node('metadata', 'Metadata', 'metadata'), node('inputs', 'Inputs', 'input'), node('outputs', 'Outputs', 'output'), node('hardware', 'Hardware', 'plug')],
  },
  { id: 'client', label: 'Client', nodes: [node('views', 'View groups', 'grid'), node('clientProfiles', 'Client profiles', 'sidebar')] },
  {
    id: 'rulesAndEvents', label: 'Rules and Events',
    nodes: [node('timeProfiles', 'Time profiles', 'clock'), node('rules', 'Rules', 'rule'), node('userDefinedEvents', 'User-defined events', 'bolt'), node('genericEvents', 'Generic events', 'bolt'), node('analyticsSources', 'Analytics events', 'activity'),
      node('alarmDefinitions', 'Alarm definitions', 'warning'), node('notificationProfiles', 'Notification profiles', 'mail')],
  },
  { id: 'security', label: 'Security', nodes: [node('roles', 'Roles', 'shield', 'manageUsers'), node('users', 'Basic users', 'user', 'manageUsers')] },
  { id: 'dashboard', label: 'System dashboard', nodes: [node('systemMonitor', 'System monitor', 'pulse'), node('currentTasks', 'Current tasks', 'list')] },
  { id: 'logs', label: 'Server logs', nodes: [node('systemLog', 'System log', 'list'), node('auditLog', 'Audit log', 'list', 'manageUsers'), node('ruleLog', 'Rule log', 'list')] },
];

export function isNodeId(value: string): value is NodeId {
  return (NODE_IDS as readonly string[]).includes(value);
}

export function findNode(id: NodeId): TreeNode {
  for (const f of SITE_TREE) for (const n of f.nodes) if (n.id === id) return n;
  throw new Error(`no tree node ${id}`);
}

/** The folders with the nodes the user may use; folders left empty are dropped. */
export function visibleTree(flags: Record<AdminNeed, boolean>, filter = ''): TreeFolder[] {
  const words = filter.trim().toLowerCase();
  return SITE_TREE
    .map((f) => ({
      ...f,
      nodes: f.nodes.filter((n) => flags[n.needs] && (!words || n.label.toLowerCase().includes(words) || f.label.toLowerCase().includes(words))),
    }))
    .filter((f) => f.nodes.length > 0);
}
