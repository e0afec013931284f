/** A tile without a picture that says why: empty, no access, disabled, site unreachable. */
import type { ReactNode } from 'react';
import { Icon } from '@nightjar/ui';
import type { IconName } from '@nightjar/ui';

export interface TileMessageProps {
  icon: IconName | 'spinner';
  title: string;
  detail?: string | undefined;
  tone?: 'quiet' | 'error';
  children?: ReactNode;
}

export function TileMessage({ icon, title, detail, tone = 'quiet', children }: TileMessageProps) {
  return (
    <div className="tile-message" data-tone={tone}>
      {icon === 'spinner' ? <span className="spinner" aria-hidden /> : <Icon name={icon} size={22} />}
      <div className="tile-message-title">{title}</div>
      {detail ? <div className="tile-message-detail">{detail}</div> : null}
      {children}
    </div>
  );
}
