import { Card, Typography } from 'antd';
import { useAuth } from '../../auth/use-auth';
import { PageHeader } from '../../ui/PageHeader';

/** The first screen after login: what waits for the user. */
export default function HomePage() {
  const { me } = useAuth();
  return (
    <>
      <PageHeader title="Trang chủ" subtitle={me ? `Xin chào, ${me.fullName}` : undefined} />
      <Card>
        <Typography.Paragraph>Chọn chức năng ở thanh bên trái.</Typography.Paragraph>
      </Card>
    </>
  );
}
