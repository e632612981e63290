-- Schema version 4: deadline policy values carry their unit (issue 10, R-CPL-2).
-- A deadline key (complaint.important.resolve_days ...) is an amount and a
-- unit: '3 working_days' and '3 calendar_days' are different standards. NULL
-- is the key's default unit (fd_policy_get_deadline) or a plain key.
ALTER TABLE policy ADD COLUMN unit TEXT CHECK (unit IS NULL OR unit IN ('clock_hours', 'business_hours',
  'calendar_days', 'working_days', 'same_day', 'clock_minutes', 'business_minutes'));
