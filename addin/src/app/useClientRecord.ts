import { useCallback, useRef } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/errors';
import type { ClientRecord, FieldDefinition, FieldType, UpdateClientBody } from '../api/types';
import { useAsyncResource } from './useAsyncResource';
import type { RecordActions, RecordState } from '../components/ClientRecordView';

interface Loaded {
  record: ClientRecord;
  fields: FieldDefinition[];
}

export function useClientRecord(api: ApiClient, clientId: string): { state: RecordState } & RecordActions {
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const [record, fields] = await Promise.all([api.getClient(clientId, signal), api.listFields(signal)]);
      return { record, fields };
    },
    [api, clientId],
  );
  // A reload (a retry, or after a version conflict) keeps the record on screen until the fresh one comes.
  const resource = useAsyncResource(load, { keepWhileReloading: true });
  const state: RecordState = resource.state.kind === 'ready' ? { kind: 'ready', ...resource.state.value } : resource.state;
  const stateRef = useRef(state);
  stateRef.current = state;
  const { reload, set } = resource;

  const applyRecord = useCallback(
    (record: ClientRecord, fields?: FieldDefinition[]) => {
      set((previous) => ({ record, fields: fields ?? previous?.fields ?? [] }));
      return record;
    },
    [set],
  );

  const currentRecord = () => {
    const current = stateRef.current;
    if (current.kind !== 'ready') throw new Error('The record is not loaded.');
    return current;
  };

  const saveContact = useCallback(
    async (changes: UpdateClientBody) => {
      const { record } = currentRecord();
      try {
        return applyRecord(await api.updateClient(record.id, changes, record.version));
      } catch (error) {
        if (isApiError(error) && error.status === 412) await reload();
        throw error;
      }
    },
    [api, applyRecord, reload],
  );

  const setFieldValue = useCallback(
    async (fieldId: string, value: string | number | null) =>
      applyRecord(await api.setFieldValue(currentRecord().record.id, fieldId, value)),
    [api, applyRecord],
  );

  const addField = useCallback(
    async (label: string, type: FieldType, value: string) => {
      const { record, fields } = currentRecord();
      let definition: FieldDefinition;
      try {
        definition = await api.createField(label, type);
      } catch (error) {
        // The label exists already in the workspace: use that field rather than failing.
        const existingId = isApiError(error) && error.code === 'field-exists' ? error.problem.existingFieldId : undefined;
        const existing = existingId ? fields.find((f) => f.id === existingId) ?? { id: existingId, label, type } : undefined;
        if (!existing) throw error;
        definition = existing;
      }
      const withDefinition = fields.some((f) => f.id === definition.id) ? fields : [...fields, definition];
      applyRecord(record, withDefinition);
      if (value.trim() === '') return record;
      return applyRecord(await api.setFieldValue(record.id, definition.id, value), withDefinition);
    },
    [api, applyRecord],
  );

  const unlinkEmail = useCallback(
    async (address: string) => applyRecord(await api.unlinkEmail(currentRecord().record.id, address)),
    [api, applyRecord],
  );

  return { state, reload, saveContact, setFieldValue, addField, unlinkEmail };
}
