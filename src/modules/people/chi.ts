/**
 * The Community Health Index (CHI) number: ten digits, DDMMYY of birth, two digits, a sex
 * digit, and a modulus-11 check digit (weights 10 down to 2; 11 becomes 0, 10 is never issued).
 */
export function chiCheckDigit(firstNine: string): number | null {
  const sum = [...firstNine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** Why a CHI number is not valid (for this date of birth, if given), or null if it is. */
export function chiProblem(chi: string, dateOfBirth?: string): string | null {
  if (!/^\d{10}$/.test(chi)) return "A CHI number is 10 digits";
  const [dd, mm, yy] = [chi.slice(0, 2), chi.slice(2, 4), chi.slice(4, 6)];
  if (!isDayOfMonth(Number(dd), Number(mm), Number(yy))) {
    return "The first six digits of a CHI number are a date of birth (DDMMYY), and this is not a real date";
  }
  if (chiCheckDigit(chi.slice(0, 9)) !== Number(chi[9])) {
    return "This CHI number's check digit does not match: check it for a mistyped digit";
  }
  if (
    dateOfBirth &&
    `${dd}${mm}${yy}` !==
      dateOfBirth.slice(8, 10) + dateOfBirth.slice(5, 7) + dateOfBirth.slice(2, 4)
  ) {
    return "The CHI number's date (its first six digits) does not match the date of birth";
  }
  return null;
}

function isDayOfMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // The century is unknown, so allow 29 February in any year divisible by four (2000 was a leap year).
  const days = [31, twoDigitYear % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] as number);
}
