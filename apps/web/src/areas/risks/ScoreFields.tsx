import { Form, Select, Typography } from 'antd';
import { LevelTag } from './LevelTag';
import { IMPACT_OPTIONS, LIKELIHOOD_OPTIONS, levelOf } from './risk-labels';

/** Likelihood and impact (1–5) with the score and level they make, shown as they are chosen. */
export function ScoreFields({ idPrefix }: { idPrefix: string }) {
  const form = Form.useFormInstance();
  const likelihood = Form.useWatch<number | undefined>('likelihood', form);
  const impact = Form.useWatch<number | undefined>('impact', form);
  const score = likelihood && impact ? likelihood * impact : null;
  return (
    <>
      <Form.Item
        name="likelihood"
        label="Khả năng xảy ra"
        htmlFor={`${idPrefix}-likelihood`}
        rules={[{ required: true, message: 'Chọn khả năng xảy ra (1–5).' }]}
      >
        <Select id={`${idPrefix}-likelihood`} options={LIKELIHOOD_OPTIONS} placeholder="Chọn 1–5" />
      </Form.Item>
      <Form.Item
        name="impact"
        label="Mức độ ảnh hưởng"
        htmlFor={`${idPrefix}-impact`}
        rules={[{ required: true, message: 'Chọn mức độ ảnh hưởng (1–5).' }]}
      >
        <Select id={`${idPrefix}-impact`} options={IMPACT_OPTIONS} placeholder="Chọn 1–5" />
      </Form.Item>
      <Typography.Paragraph data-testid={`${idPrefix}-score`}>
        Điểm:{' '}
        {score ? (
          <>
            <strong>{score}</strong> <LevelTag level={levelOf(score)} />
          </>
        ) : (
          'chọn khả năng xảy ra và mức độ ảnh hưởng'
        )}
      </Typography.Paragraph>
    </>
  );
}
