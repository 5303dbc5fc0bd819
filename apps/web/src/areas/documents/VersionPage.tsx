import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { DocumentsTheme } from './DocumentsTheme';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { AcknowledgementsReport } from './AcknowledgementsReport';
import { CommentsList } from './CommentsList';
import { FileTable } from './FileTable';
import { SignaturesTable } from './SignaturesTable';
import { StateTag } from './StateTag';
import { VersionActions } from './VersionActions';
import { VersionDiff } from './VersionDiff';
import type { DocumentView, VersionView } from './labels';
import { useDocument } from './use-document';
import { useVersion } from './use-version';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}

/** One version beside the one in force: what changed, files, comments, signatures, the next step. */
export default function VersionPage() {
  const { id = '', vid = '' } = useParams();
  const document = useDocument(id);
  const version = useVersion(id, vid);
  return (
    <DocumentsTheme>
      <QueryState query={document}>
        {(doc) => <QueryState query={version}>{(v) => <VersionDetail doc={doc} version={v} />}</QueryState>}
      </QueryState>
    </DocumentsTheme>
  );
}

function VersionDetail({ doc, version }: { doc: DocumentView; version: VersionView }) {
  const canReport = useCan(P.DocumentAcknowledgementReport);
  const inForceId =
    doc.effectiveVersionId && doc.effectiveVersionId !== version.id ? doc.effectiveVersionId : null;
  const inForce = useVersion(doc.id, inForceId);
  const compareWith = inForceId ? inForce.data : undefined;
  return (
    <>
      <PageHeader
        title={`${doc.code} — lần sửa đổi ${version.revision}`}
        subtitle={
          <>
            {version.title} <StateTag state={version.state} />
          </>
        }
        extra={
          <>
            <VersionActions documentId={doc.id} code={doc.code} version={version} />
            <Link to={`/documents/${doc.id}`} style={{ alignSelf: 'center' }}>
              Về trang tài liệu
            </Link>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Section title="Thông tin phiên bản">
          <VersionDiff version={version} inForce={compareWith} />
        </Section>
        <Section title="Tệp">
          <Flex vertical gap={16}>
            <FileTable
              documentId={doc.id}
              versionId={version.id}
              agencyId={doc.agencyId}
              files={version.files}
              caption={`Tệp của lần sửa đổi ${version.revision}`}
            />
            {compareWith ? (
              <FileTable
                documentId={doc.id}
                versionId={compareWith.id}
                agencyId={doc.agencyId}
                files={compareWith.files}
                caption={`Tệp của phiên bản đang hiệu lực (lần sửa đổi ${compareWith.revision})`}
              />
            ) : null}
          </Flex>
        </Section>
        <Section title="Ý kiến xem xét, phê duyệt">
          <CommentsList comments={version.comments} />
        </Section>
        <Section title="Chữ ký">
          <SignaturesTable signatures={version.signatures} />
        </Section>
        {canReport && (version.state === 'effective' || version.state === 'scheduled') ? (
          <Section title="Xác nhận đã đọc">
            <AcknowledgementsReport documentId={doc.id} versionId={version.id} />
          </Section>
        ) : null}
      </Flex>
    </>
  );
}
