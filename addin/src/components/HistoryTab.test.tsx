import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clientRecord } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { HistoryTab } from './HistoryTab';

describe('HistoryTab', () => {
  it('names who created and changed the record, never their user id', () => {
    const record = clientRecord({ createdByName: 'Dr. Ana Lima', updatedByName: 'Bruno Reception' });
    renderInPane(<HistoryTab record={record} />, 'en');
    expect(screen.getByText(/Dr\. Ana Lima/)).toBeTruthy();
    expect(screen.getByText(/Bruno Reception/)).toBeTruthy();
    expect(screen.queryByText(new RegExp(record.createdBy))).toBeNull();
  });

  it('says "someone on your team" when the name is unknown', () => {
    renderInPane(<HistoryTab record={clientRecord({ createdByName: null, updatedByName: null })} />, 'pt-BR');
    expect(screen.getAllByText(/alguém da sua equipe/).length).toBe(2);
  });
});
