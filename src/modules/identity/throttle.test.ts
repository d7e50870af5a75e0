import { describe, expect, it } from "vitest";
import {
  ACCOUNT_DELAY,
  ADDRESS_DELAY,
  delayAfter,
  type Failures,
  signInThrottle,
  throttleAddress,
  waitInWords,
} from "./throttle";

const none: Failures = { count: 0, secondsSinceLast: null };
const failed = (count: number, secondsSinceLast: number): Failures => ({ count, secondsSinceLast });
const counts = (account: Failures, address: Failures = none, knownAddress = false) => ({
  account,
  address,
  knownAddress,
});

describe("delayAfter: free failures, then a doubling wait up to a cap", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 15],
    [6, 30],
    [7, 60],
    [1000, 60],
  ])("an account with %i failures waits %i s", (failures, seconds) => {
    expect(delayAfter(failures, ACCOUNT_DELAY)).toBe(seconds);
  });

  it.each([
    [9, 0],
    [10, 15],
    [12, 60],
    [15, 480],
    [16, 900],
    [10_000, 900],
  ])("an address with %i failures waits %i s", (failures, seconds) => {
    expect(delayAfter(failures, ADDRESS_DELAY)).toBe(seconds);
  });
});

describe("signInThrottle", () => {
  it("lets the first attempts through", () => {
    expect(signInThrottle(counts(none))).toEqual({ allowed: true });
    expect(signInThrottle(counts(failed(4, 0), failed(9, 0)))).toEqual({ allowed: true });
  });

  it("holds an account after five failures until the wait since the last has passed", () => {
    expect(signInThrottle(counts(failed(5, 0)))).toEqual({
      allowed: false,
      scope: "account",
      retryAfterSeconds: 15,
    });
    expect(signInThrottle(counts(failed(6, 10.5)))).toEqual({
      allowed: false,
      scope: "account",
      retryAfterSeconds: 20,
    });
    expect(signInThrottle(counts(failed(6, 30)))).toEqual({ allowed: true });
  });

  it("never holds an account longer than a minute, however many failures from elsewhere", () => {
    const decision = signInThrottle(counts(failed(500, 0)));
    expect(decision).toEqual({ allowed: false, scope: "account", retryAfterSeconds: 60 });
    expect(signInThrottle(counts(failed(500, 60)))).toEqual({ allowed: true });
  });

  it("holds an address that failed on many emails, though each email failed only once", () => {
    expect(signInThrottle(counts(failed(1, 0), failed(10, 0)))).toEqual({
      allowed: false,
      scope: "address",
      retryAfterSeconds: 15,
    });
    expect(signInThrottle(counts(none, failed(30, 100)))).toEqual({
      allowed: false,
      scope: "address",
      retryAfterSeconds: 800,
    });
  });

  it("does not hold the account's owner at an address it signed in from recently", () => {
    expect(signInThrottle(counts(failed(500, 0), none, true))).toEqual({ allowed: true });
    // ... but that address's own failures still count against it.
    expect(signInThrottle(counts(failed(500, 0), failed(12, 0), true))).toMatchObject({
      allowed: false,
      scope: "address",
    });
  });

  it("gives the longer of the two waits, in whole seconds", () => {
    expect(signInThrottle(counts(failed(11, 0.5), failed(10, 1.5)))).toEqual({
      allowed: false,
      scope: "account",
      retryAfterSeconds: 60,
    });
    expect(signInThrottle(counts(failed(5, 0), failed(13, 0.5)))).toEqual({
      allowed: false,
      scope: "address",
      retryAfterSeconds: 120,
    });
  });
});

describe("waitInWords", () => {
  it.each([
    [1, "1 second"],
    [59, "59 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
  ])("%i s is %s", (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});

describe("throttleAddress", () => {
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:8d3::/64"],
    ["2001:db8:85a3:8d3::1", "2001:db8:85a3:8d3::/64"],
    ["2001:DB8:85a3:08d3:ffff::2", "2001:db8:85a3:8d3::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("%s is counted as %s", (ip, key) => {
    expect(throttleAddress(ip)).toBe(key);
  });
});
