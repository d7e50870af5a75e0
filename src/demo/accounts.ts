/** Every demo account shares this password; it is shown on the sign-in page of demo installs only. */
export const DEMO_PASSWORD = "cairn-demo";
export const DEMO_LOADED_KEY = "demo_data_loaded_at";
