// UTC calendar days and ISO weeks (Monday start) as YYYY-MM-DD strings. Used by storage to
// bucket issues and by the core to bucket metric readings, so both agree on week edges.
export const MS_PER_DAY = 86_400_000;

/** The UTC calendar day of an instant. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** UTC midnight of a YYYY-MM-DD day. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export const addDaysTo = (day: string, days: number): string =>
  utcDay(new Date(dayStart(day).getTime() + days * MS_PER_DAY));

/** The Monday starting the ISO week that holds `day`. */
export const weekStartOf = (day: string): string => {
  const weekday = dayStart(day).getUTCDay(); // 0 = Sunday
  return addDaysTo(day, -((weekday + 6) % 7));
};

/** Every week start from the week holding `from` through the week holding `to`. */
export const weekStartsBetween = (from: string, to: string): string[] => {
  const weeks: string[] = [];
  const last = weekStartOf(to);
  for (let week = weekStartOf(from); week <= last; week = addDaysTo(week, 7)) weeks.push(week);
  return weeks;
};
