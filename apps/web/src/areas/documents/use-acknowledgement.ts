import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/**
 * "Đã đọc và hiểu" of one version by the signed-in user. The API does not tell a reader whether
 * they acknowledged already, so this browser remembers the answer (or the refusal "already done");
 * '' means acknowledged at an unknown time.
 */
export function useAcknowledgement(documentId: string, versionId: string) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const storageKey = `eiso.documents.ack.${me?.id ?? ''}.${versionId}`;
  const queryKey = ['documents', 'acknowledged', me?.id ?? '', versionId];
  const known = useQuery({
    queryKey,
    queryFn: () => localStorage.getItem(storageKey) ?? 'no',
    staleTime: Infinity,
  });
  const [busy, setBusy] = useState(false);
  const remember = (value: string) => {
    localStorage.setItem(storageKey, value);
    queryClient.setQueryData(queryKey, value);
  };
  const acknowledge = async () => {
    setBusy(true);
    try {
      const answer = await call(
        api.POST('/api/v1/documents/{id}/versions/{vid}/acknowledgements', {
          params: { path: { id: documentId, vid: versionId } },
        }),
      );
      remember(answer.acknowledgedAt);
      void message.success('Đã ghi nhận bạn đã đọc và hiểu tài liệu.');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'DOCUMENT_ALREADY_ACKNOWLEDGED') remember('');
      void message.error(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const value = known.data;
  return {
    acknowledged: value !== undefined && value !== 'no',
    acknowledgedAt: value && value !== 'no' ? value : null,
    acknowledge,
    busy,
  };
}
