import type { RasDefinition } from "../modules/budgets/ras";

/**
 * The demo council's Resource Allocation System: need domains scored from the assessment,
 * money per point by band and care group, and named adjustments. Made-up figures for a demo.
 */
export const DEMO_RAS: RasDefinition = {
  careGroups: ["older people", "learning disability", "physical disability", "mental health"],
  questions: [
    {
      key: "personal-care",
      label: "Help with personal care",
      answers: [
        { value: "none", label: "No help needed", points: 0 },
        { value: "some", label: "Help on some days", points: 10 },
        { value: "daily", label: "Help every day", points: 25 },
        { value: "twice-daily", label: "Help morning and evening", points: 40 },
      ],
    },
    {
      key: "getting-out",
      label: "Getting out and seeing people",
      answers: [
        { value: "none", label: "No help needed", points: 0 },
        { value: "weekly", label: "Help once a week", points: 6 },
        { value: "most-days", label: "Help most days", points: 15 },
      ],
    },
    {
      key: "daily-living",
      label: "Meals, shopping and the home",
      answers: [
        { value: "none", label: "No help needed", points: 0 },
        { value: "some", label: "Some help", points: 8 },
        { value: "a-lot", label: "A lot of help", points: 18 },
      ],
    },
    {
      key: "safety",
      label: "Staying safe",
      answers: [
        { value: "low", label: "Safe most of the time", points: 0 },
        { value: "some", label: "Some risk without support", points: 10 },
        { value: "high", label: "Serious risk without support", points: 25 },
      ],
    },
  ],
  bands: [
    {
      fromPoints: 0,
      toPoints: 29,
      pencePerPoint: {
        "older people": 30_000,
        "learning disability": 32_000,
        "physical disability": 31_000,
        "mental health": 30_000,
      },
    },
    {
      fromPoints: 30,
      toPoints: 59,
      pencePerPoint: {
        "older people": 34_000,
        "learning disability": 36_000,
        "physical disability": 35_000,
        "mental health": 34_000,
      },
    },
    {
      fromPoints: 60,
      toPoints: null,
      pencePerPoint: {
        "older people": 38_000,
        "learning disability": 40_000,
        "physical disability": 39_000,
        "mental health": 38_000,
      },
    },
  ],
  adjustments: [
    { key: "unpaid-carer", label: "Help from an unpaid carer", basisPoints: -1_000 },
    { key: "complexity", label: "Complex needs that take two staff", basisPoints: 1_500 },
    { key: "rurality", label: "Living far from services", basisPoints: 500 },
  ],
};
