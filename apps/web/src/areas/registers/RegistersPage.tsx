import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ExternalRegister } from './ExternalRegister';
import { InternalRegister } from './InternalRegister';
import { RecordRegister } from './RecordRegister';

const TABS = ['internal-documents', 'external-documents', 'records'] as const;

/** Sổ đăng ký: the three registers of the agency, each with its Excel and PDF export. */
export default function RegistersPage() {
  const [params, setParams] = useSearchParams();
  const current = params.get('tab');
  const active = TABS.find((t) => t === current) ?? 'internal-documents';
  return (
    <>
      <PageHeader title="Sổ đăng ký" subtitle="Danh mục tài liệu và hồ sơ của cơ quan" />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'internal-documents', label: 'Tài liệu nội bộ', children: <InternalRegister /> },
            { key: 'external-documents', label: 'Tài liệu bên ngoài', children: <ExternalRegister /> },
            { key: 'records', label: 'Danh mục hồ sơ', children: <RecordRegister /> },
          ]}
        />
      </Card>
    </>
  );
}
