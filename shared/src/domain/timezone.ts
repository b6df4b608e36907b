/** True for an IANA time zone name the runtime knows, e.g. Europe/Berlin (a team's zone, a rotation's zone). */
export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
