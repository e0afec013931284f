/** 1×, ½×, ¼×, −2×: speeds as the speed menu and the time readout show them. */
export function speedLabel(speed: number): string {
  const sign = speed < 0 ? '−' : '';
  const abs = Math.abs(speed);
  const fraction = abs === 0.5 ? '½' : abs === 0.25 ? '¼' : abs === 0.125 ? '⅛' : String(abs);
  return `${sign}${fraction}×`;
}
