import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, type FieldError } from "../api";

/**
 * Runs a form's write, keeps the field errors the API returns, and refreshes every query
 * after a success (so each view shows what was just saved).
 */
export function useSubmit<T>(send: () => Promise<T>, done: (result: T) => void) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [detail, setDetail] = useState<string>();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiError>();

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    setPending(true);
    try {
      const result = await send();
      setErrors([]);
      setDetail(undefined);
      setProblem(undefined);
      await queryClient.invalidateQueries();
      done(result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
      setErrors(error.errors);
      setDetail(error.errors.length ? undefined : error.detail || error.title);
    } finally {
      setPending(false);
    }
  }

  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;
  return { submit, errors, detail, pending, errorFor, problem };
}
