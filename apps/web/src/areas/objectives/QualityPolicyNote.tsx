import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';

/** The quality policy in force (a document of type policy), linked; or a note that none is. */
export function QualityPolicyNote() {
  const mayRead = useCan(P.DocumentRead);
  const policy = useQuery({
    queryKey: ['objectives', 'quality-policy'],
    queryFn: () =>
      call(
        api.GET('/api/v1/documents', {
          params: { query: { page: 1, pageSize: 5, type: 'policy', state: 'effective', sort: 'code:asc' } },
        }),
      ),
    enabled: mayRead,
  });
  if (!mayRead || policy.isPending || policy.error) return null;
  const [first] = policy.data.items;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={first ? 'info' : 'warning'}
      showIcon
      message={
        first ? (
          <>
            Chính sách chất lượng đang hiệu lực:{' '}
            <Link to={`/documents/${first.id}`}>
              {first.code} — {first.title}
            </Link>
          </>
        ) : (
          'Cơ quan chưa có chính sách chất lượng đang hiệu lực (tài liệu loại Chính sách chất lượng).'
        )
      }
    />
  );
}
