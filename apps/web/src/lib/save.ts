import { api } from './api';

/** Creates an object (POST `path`) or updates the one given (PATCH `path/id`); answers the saved object. */
export function saveObject<T>(path: string, existing: { id: number } | null, body: unknown): Promise<T> {
  return existing ? api<T>('PATCH', `${path}/${existing.id}`, body) : api<T>('POST', path, body);
}
