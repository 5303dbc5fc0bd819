import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Form, List, Select, Space, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';

type Readiness = components['schemas']['ReadinessResponse'];
type Check = components['schemas']['ReadinessCheckResponse'];
type Item = components['schemas']['ReadinessItemResponse'];

/** Where a checklist item opens: the screen of its subject; a TTHC code opens the documents in force. */
function itemPath(item: Item): string | null {
  if (!item.subjectId) return null;
  switch (item.subjectType) {
    case 'document':
      return `/documents/${item.subjectId}`;
    case 'objective':
      return `/objectives/${item.subjectId}`;
    case 'audit':
      return `/audits/${item.subjectId}`;
    case 'management_review':
      return `/management-reviews/${item.subjectId}`;
    case 'nonconformity':
      return `/nonconformities/${item.subjectId}`;
    case 'tthc':
      return '/documents/in-force';
    case null:
      return null;
  }
}

function ItemLink({ item }: { item: Item }) {
  const path = itemPath(item);
  return path ? <Link to={path}>{item.label}</Link> : <span>{item.label}</span>;
}

function CheckCard({ check }: { check: Check }) {
  return (
    <Card
      size="small"
      data-testid={`readiness-${check.code}`}
      title={
        <Space>
          {check.passed ? (
            <CheckCircleFilled style={{ color: '#237804' }} aria-hidden />
          ) : (
            <CloseCircleFilled style={{ color: '#a8071a' }} aria-hidden />
          )}
          <span>{check.title}</span>
        </Space>
      }
      extra={
        // Dark text on the light status colours: antd's own text colour of a green tag is too pale.
        <Tag color={check.passed ? 'success' : 'error'} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
          {check.passed ? 'Đạt' : 'Chưa đạt'}
        </Tag>
      }
    >
      <p style={{ marginTop: 0 }}>{check.detail}</p>
      {check.missing.length ? (
        <List
          size="small"
          header={<strong>Còn thiếu</strong>}
          dataSource={check.missing}
          renderItem={(item) => (
            <List.Item>
              <ItemLink item={item} />
            </List.Item>
          )}
        />
      ) : null}
      {check.found.length ? (
        <List
          size="small"
          header={<strong>Đáp ứng</strong>}
          dataSource={check.found}
          renderItem={(item) => (
            <List.Item>
              <ItemLink item={item} />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/**
 * Điều kiện công bố: the agency head's and ISO secretary's checklist before the conformity
 * declaration; each prerequisite passed or not, and what is missing with a link to it. The TTHC
 * codes of the scope to declare are in the address (`?tthcCodes=`), so the checklist can be shared.
 */
export default function ReadinessPage() {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('tthcCodes') ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const readiness = useQuery({
    queryKey: ['conformity', 'readiness', scope.join(',')],
    queryFn: () =>
      call(
        api.GET('/api/v1/conformity/readiness', {
          params: { query: scope.length ? { tthcCodes: scope.join(',') } : {} },
        }),
      ),
  });
  const setScope = (codes: string[]) => {
    const next = new URLSearchParams(params);
    const clean = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
    if (clean.length) next.set('tthcCodes', clean.join(','));
    else next.delete('tthcCodes');
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Điều kiện công bố HTQLCL"
        subtitle="Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015"
      />
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item
          label="Phạm vi công bố (mã thủ tục hành chính)"
          htmlFor="readiness-scope"
          extra="Nhập mã TTHC rồi nhấn Enter; bỏ trống để chỉ kiểm tra có quy trình TTHC đang có hiệu lực."
        >
          <Select
            id="readiness-scope"
            mode="tags"
            value={scope}
            onChange={setScope}
            tokenSeparators={[',', ' ']}
            notFoundContent={null}
            placeholder="Ví dụ: 1.000948"
          />
        </Form.Item>
      </Form>
      <QueryState query={readiness}>
        {(data: Readiness) => (
          <Flex vertical gap={12}>
            {data.ready ? (
              <Alert
                type="success"
                showIcon
                data-testid="readiness-verdict"
                message={`Đủ điều kiện công bố (kiểm tra ngày ${formatDate(data.asOf)}).`}
              />
            ) : (
              <Alert
                type="warning"
                showIcon
                data-testid="readiness-verdict"
                message={`Chưa đủ điều kiện công bố: còn ${data.checks.filter((c) => !c.passed).length}/${data.checks.length} điều kiện chưa đạt (kiểm tra ngày ${formatDate(data.asOf)}).`}
              />
            )}
            {data.checks.map((check) => (
              <CheckCard key={check.code} check={check} />
            ))}
          </Flex>
        )}
      </QueryState>
    </>
  );
}
