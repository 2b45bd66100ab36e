#pragma once

#include <QWidget>

#include <memory>

class Document;

/// OOB lanes tab: follows the Document; no domain logic here.
class LanesView : public QWidget {
    Q_OBJECT
public:
    explicit LanesView(Document *doc, QWidget *parent = nullptr);
    ~LanesView() override;

private:
    Document *m_doc = nullptr;
};
