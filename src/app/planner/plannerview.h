#pragma once

#include <QWidget>

#include <memory>

class Document;

/// Planner tab: follows the Document; no domain logic here.
class PlannerView : public QWidget {
    Q_OBJECT
public:
    explicit PlannerView(Document *doc, QWidget *parent = nullptr);
    ~PlannerView() override;

private:
    Document *m_doc = nullptr;
};
