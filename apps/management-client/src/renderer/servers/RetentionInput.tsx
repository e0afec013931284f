/** A retention: a number and its unit (days or hours), as one control pair with its own labels. */
import type { RetentionUnit } from './storageForm';

export interface RetentionInputProps {
  value: string;
  unit: RetentionUnit;
  onChange: (value: string, unit: RetentionUnit) => void;
}

export function RetentionInput({ value, unit, onChange }: RetentionInputProps) {
  return (
    <span className="input-with-unit">
      <input inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value, unit)} aria-label="Retention" />
      <select value={unit} onChange={(e) => onChange(value, e.target.value as RetentionUnit)} aria-label="Retention unit">
        <option value="days">days</option>
        <option value="hours">hours</option>
      </select>
    </span>
  );
}
