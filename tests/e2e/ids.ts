import { checkCharacter } from '../../common/idNumber.js';

/** A resident ID number with the right GB 11643 check character. */
export function validIdNumber(first17: string): string {
  return `${first17}${checkCharacter(first17)}`;
}

/** The same number with a wrong check character. */
export function wrongCheckIdNumber(first17: string): string {
  const right = checkCharacter(first17);
  return `${first17}${right === '0' ? '1' : '0'}`;
}
