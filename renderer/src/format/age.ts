/**
 * 周岁 on `today` (YYYY-MM-DD), counted as the station counts minors: an age is reached the day
 * after the birthday (so on the 18th birthday a person is still a minor; see common/dates.ts).
 */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) > birthDate.slice(5) ? years : years - 1;
}
