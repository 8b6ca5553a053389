// Every rule, in the order of the contract's table. Adding a rule is adding a file and a line here.
import type { Rule } from '../types.js';
import { unrecordedInterrogation } from './unrecordedInterrogation.js';
import { insufficientOfficers } from './insufficientOfficers.js';
import { unaccompaniedSuspect } from './unaccompaniedSuspect.js';
import { missingSecurityCheck } from './missingSecurityCheck.js';
import { coSuspectsTogether } from './coSuspectsTogether.js';
import { mixedGenderWaiting } from './mixedGenderWaiting.js';
import { minorWithAdults } from './minorWithAdults.js';
import { minorWithoutGuardian } from './minorWithoutGuardian.js';
import { capacityExceeded } from './capacityExceeded.js';
import { leftWithoutExit } from './leftWithoutExit.js';
import { unknownTag } from './unknownTag.js';
import { timeLimitWarning } from './timeLimitWarning.js';
import { timeLimitExceeded } from './timeLimitExceeded.js';
import { overstay } from './overstay.js';
import { noMeal } from './noMeal.js';
import { temporaryExitOverdue } from './temporaryExitOverdue.js';
import { deviceOffline } from './deviceOffline.js';
import { storageLow } from './storageLow.js';

export const RULES: readonly Rule[] = [
  unrecordedInterrogation, insufficientOfficers, unaccompaniedSuspect, missingSecurityCheck, coSuspectsTogether,
  mixedGenderWaiting, minorWithAdults, minorWithoutGuardian, capacityExceeded, leftWithoutExit, unknownTag,
  timeLimitWarning, timeLimitExceeded, overstay, noMeal, temporaryExitOverdue, deviceOffline, storageLow,
];
